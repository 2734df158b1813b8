package fr.education.imagin.core.plugins;

/** One extension and the plugin it comes from (calls into it go through {@link PluginHost#call}). */
public record Contribution<T>(String pluginId, T extension) {
}
