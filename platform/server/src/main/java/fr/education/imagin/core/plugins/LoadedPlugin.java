package fr.education.imagin.core.plugins;

import org.pf4j.PluginManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A plugin that loaded, started and whose extensions were created and checked. It has a PF4J
 * manager of its own, so unloading it (or its failing) cannot disturb another plugin.
 */
final class LoadedPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(LoadedPlugin.class);

    private final String id;
    private final String version;
    private final String description;
    private final Path jar;
    private final PluginManager manager;
    private final Map<Class<?>, List<Object>> extensions;

    LoadedPlugin(String id, String version, String description, Path jar, PluginManager manager,
                 Map<Class<?>, List<Object>> extensions) {
        this.id = id;
        this.version = version;
        this.description = description;
        this.jar = jar;
        this.manager = manager;
        this.extensions = Map.copyOf(extensions);
    }

    String id() {
        return id;
    }

    String version() {
        return version;
    }

    String description() {
        return description;
    }

    Path jar() {
        return jar;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> extensions(Class<T> point) {
        return (List<T>) extensions.getOrDefault(point, List.of());
    }

    /** Stops the plugin and closes its class loader; failures are only logged. */
    void unload() {
        try {
            manager.unloadPlugin(id);
        } catch (RuntimeException | LinkageError e) {
            LOG.atWarn().addKeyValue("plugin", id).setCause(e).log("plugin did not unload cleanly");
        }
    }
}
