package fr.education.imagin.core.plugins;

/**
 * A plugin's code threw while the platform called it. The request that needed it fails with
 * this French message; the platform, the other plugins and the other académies go on.
 */
public final class PluginFailure extends RuntimeException {

    private final String pluginId;

    PluginFailure(String pluginId, String action, Throwable cause) {
        super("Le plugin « " + pluginId + " » a échoué (" + action + ") : " + describe(cause)
                + ". L'administrateur national en est informé.", cause);
        this.pluginId = pluginId;
    }

    public String pluginId() {
        return pluginId;
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " : " + e.getMessage());
    }
}
