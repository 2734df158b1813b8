package fr.education.imagin.core.plugins;

import fr.education.imagin.plugin.api.ApiVersion;
import fr.education.imagin.plugin.api.IccScheme;
import fr.education.imagin.plugin.api.IccTranche;
import fr.education.imagin.plugin.api.MissionGenerator;
import fr.education.imagin.plugin.api.MissionType;
import fr.education.imagin.plugin.api.MissionTypes;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads every {@code *.jar} of the plugins directory, each on its own: the MANIFEST and the API
 * version are checked before any class of the plugin is loaded, then PF4J loads and starts it,
 * and its extensions are created and checked once. Whatever fails becomes a {@link
 * PluginProblem} for that jar only. Blocking (file I/O): run it on a worker thread.
 */
final class PluginLoader {

    /** The extension points of the plugin API, the only classes looked up in plugins. */
    static final List<Class<?>> EXTENSION_POINTS = List.of(MissionTypes.class, MissionGenerator.class, IccScheme.class);

    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);
    private static final Pattern PLUGIN_ID = Pattern.compile("^[a-z][a-z0-9-]{1,63}$");

    record Result(List<LoadedPlugin> plugins, List<PluginStatus> statuses) {
    }

    Result load(Path directory) {
        List<LoadedPlugin> loaded = new ArrayList<>();
        List<PluginStatus> statuses = new ArrayList<>();
        List<Path> jars = jars(directory);
        Set<String> ids = new HashSet<>();
        for (Path jar : jars) {
            String fileName = jar.getFileName().toString();
            Attempt attempt = loadOne(jar, ids);
            if (attempt.plugin().isPresent()) {
                loaded.add(attempt.plugin().get());
                LOG.atInfo().addKeyValue("plugin", attempt.id()).addKeyValue("version", attempt.version())
                        .addKeyValue("jar", fileName).log("plugin loaded");
            } else {
                PluginProblem problem = attempt.problem().orElseThrow();
                LOG.atError().addKeyValue("plugin", problem.plugin()).addKeyValue("jar", fileName)
                        .addKeyValue("phase", problem.phase()).log("plugin not loaded: " + problem.message());
            }
            statuses.add(attempt.status(fileName));
        }
        return new Result(List.copyOf(loaded), List.copyOf(statuses));
    }

    private static List<Path> jars(Path directory) {
        if (!Files.isDirectory(directory)) {
            LOG.atWarn().addKeyValue("dir", directory.toAbsolutePath()).log("no plugins directory: no plugin loaded");
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            LOG.atError().addKeyValue("dir", directory.toAbsolutePath()).setCause(e).log("plugins directory unreadable");
            return List.of();
        }
    }

    /** What became of one jar: a plugin, or a problem; id and version as far as they were read. */
    private record Attempt(String id, String version, Optional<LoadedPlugin> plugin, Optional<PluginProblem> problem) {
        static Attempt failed(String id, String version, PluginProblem.Phase phase, String message) {
            return new Attempt(id, version, Optional.empty(), Optional.of(PluginProblem.now(id, phase, message)));
        }

        PluginStatus status(String jar) {
            PluginStatus.State state = plugin.isPresent() ? PluginStatus.State.ACTIF
                    : problem.orElseThrow().phase() == PluginProblem.Phase.REFUS ? PluginStatus.State.REFUSE
                    : PluginStatus.State.EN_ECHEC;
            return new PluginStatus(id, version, jar, state, problem.stream().toList());
        }
    }

    private static Attempt loadOne(Path jar, Set<String> ids) {
        String fileName = jar.getFileName().toString();
        Attributes manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest read = file.getManifest();
            if (read == null) {
                return Attempt.failed(fileName, "", PluginProblem.Phase.REFUS, "archive sans MANIFEST");
            }
            manifest = read.getMainAttributes();
        } catch (IOException | SecurityException e) {
            return Attempt.failed(fileName, "", PluginProblem.Phase.REFUS, "archive illisible : " + PluginFailure.describe(e));
        }
        String id = Optional.ofNullable(manifest.getValue("Plugin-Id")).map(String::trim).orElse("");
        String version = Optional.ofNullable(manifest.getValue("Plugin-Version")).map(String::trim).orElse("");
        if (!PLUGIN_ID.matcher(id).matches()) {
            return Attempt.failed(id.isEmpty() ? fileName : id, version, PluginProblem.Phase.REFUS,
                    "Plugin-Id « " + id + " » invalide : minuscules, chiffres et '-', 2 à 64 caractères");
        }
        Optional<String> incompatibility = ApiVersion.incompatibility(manifest.getValue(ApiVersion.MANIFEST_ATTRIBUTE));
        if (incompatibility.isPresent()) {
            return Attempt.failed(id, version, PluginProblem.Phase.REFUS, "refusé : " + incompatibility.get());
        }
        if (!ids.add(id)) {
            return Attempt.failed(id, version, PluginProblem.Phase.REFUS,
                    "un autre jar du dossier fournit déjà le plugin « " + id + " »");
        }
        return start(jar, id, version);
    }

    /** PF4J's part, in a manager of this plugin's own. */
    private static Attempt start(Path jar, String id, String version) {
        PluginManager manager = new JarPluginManager(jar.getParent());
        try {
            String loadedId = manager.loadPlugin(jar);
            if (!id.equals(loadedId)) {
                return Attempt.failed(id, version, PluginProblem.Phase.CHARGEMENT, "PF4J n'a pas chargé le plugin");
            }
        } catch (RuntimeException | LinkageError e) {
            return Attempt.failed(id, version, PluginProblem.Phase.CHARGEMENT, "chargement impossible : " + PluginFailure.describe(e));
        }
        try {
            PluginState state = manager.startPlugin(id);
            if (state != PluginState.STARTED) {
                PluginWrapper wrapper = manager.getPlugin(id);
                Throwable cause = wrapper.getFailedException();
                unload(manager, id);
                return Attempt.failed(id, version, PluginProblem.Phase.DEMARRAGE, "démarrage impossible (état " + state + ")"
                        + (cause == null ? "" : " : " + PluginFailure.describe(cause)));
            }
        } catch (Exception | LinkageError e) {
            unload(manager, id);
            return Attempt.failed(id, version, PluginProblem.Phase.DEMARRAGE, "démarrage impossible : " + PluginFailure.describe(e));
        }
        try {
            Map<Class<?>, List<Object>> extensions = extensions(manager, id);
            if (extensions.isEmpty()) {
                unload(manager, id);
                return Attempt.failed(id, version, PluginProblem.Phase.CHARGEMENT, "aucune extension trouvée "
                        + "(META-INF/extensions.idx absent, ou API plugin embarquée dans le jar au lieu d'être « provided »)");
            }
            String description = Optional.ofNullable(manager.getPlugin(id).getDescriptor().getPluginDescription()).orElse("");
            return new Attempt(id, version, Optional.of(new LoadedPlugin(id, version, description, jar, manager, extensions)),
                    Optional.empty());
        } catch (Exception | LinkageError | AssertionError e) {
            unload(manager, id);
            return Attempt.failed(id, version, PluginProblem.Phase.CHARGEMENT, "extension invalide : " + PluginFailure.describe(e));
        }
    }

    /** Creates each extension once and reads its declarations, so a faulty one fails the load, not a request. */
    private static Map<Class<?>, List<Object>> extensions(PluginManager manager, String id) {
        Map<Class<?>, List<Object>> byPoint = new LinkedHashMap<>();
        for (Class<?> point : EXTENSION_POINTS) {
            List<Object> instances = new ArrayList<>();
            for (Class<?> type : manager.getExtensionClasses(point, id)) {
                Object extension = manager.getExtensionFactory().create(type);
                if (extension == null) {
                    throw new IllegalStateException("l'extension " + type.getName() + " n'a pas pu être créée");
                }
                check(extension);
                instances.add(extension);
            }
            if (!instances.isEmpty()) {
                byPoint.put(point, List.copyOf(instances));
            }
        }
        return byPoint;
    }

    private static void check(Object extension) {
        if (extension instanceof MissionTypes types) {
            List<MissionType> list = types.missionTypes();
            if (list == null || list.isEmpty()) {
                throw new IllegalStateException(extension.getClass().getSimpleName() + " ne déclare aucun type de mission");
            }
            Set<String> codes = new HashSet<>();
            list.forEach(type -> {
                if (!codes.add(type.code())) {
                    throw new IllegalStateException("type de mission " + type.code() + " déclaré deux fois");
                }
            });
        }
        if (extension instanceof IccScheme scheme) {
            String name = extension.getClass().getSimpleName();
            if (scheme.code() == null || !scheme.code().matches("^[A-Z][A-Z0-9_]{1,15}$")) {
                throw new IllegalStateException(name + " : code de barème « " + scheme.code() + " » invalide");
            }
            if (scheme.examCodes().isEmpty() || scheme.periodes().isEmpty() || scheme.tranches().isEmpty()) {
                throw new IllegalStateException(name + " : examens, périodes et tranches sont obligatoires");
            }
            if (scheme.tranches().stream().map(IccTranche::code).distinct().count() != scheme.tranches().size()) {
                throw new IllegalStateException(name + " : code de tranche en double");
            }
        }
    }

    private static void unload(PluginManager manager, String id) {
        try {
            manager.unloadPlugin(id);
        } catch (RuntimeException | LinkageError e) {
            LOG.atDebug().addKeyValue("plugin", id).setCause(e).log("failed plugin did not unload cleanly");
        }
    }
}
