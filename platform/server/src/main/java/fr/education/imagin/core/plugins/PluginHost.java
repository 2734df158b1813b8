package fr.education.imagin.core.plugins;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.plugin.api.IccScheme;
import fr.education.imagin.plugin.api.MissionType;
import fr.education.imagin.plugin.api.MissionTypes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The plugins this member runs and which académie uses which. Jars come from the plugins
 * directory (each member reads its own); the académies' choices come from {@code
 * platform.tenant_plugin}, set by the national admin. Any member publishing on {@link
 * #CHANGED_ADDRESS} makes every member reload: {@code "enabling"} re-reads the choices, {@code
 * "jars"} also re-reads the directory. A plugin that fails to load, or throws when called, is
 * isolated: it is recorded for the admin ({@link #statuses()}) and nothing else is affected.
 */
public final class PluginHost implements AutoCloseable {

    public static final String CHANGED_ADDRESS = "imagin.plugins.changed";
    public static final String RELOAD_ENABLING = "enabling";
    public static final String RELOAD_JARS = "jars";

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    /** In-flight calls may still use a replaced plugin's classes for this long. */
    private static final long UNLOAD_GRACE_MS = 30_000;
    private static final int RUNTIME_PROBLEMS_KEPT = 100;

    private record Loaded(Map<String, LoadedPlugin> byId, List<PluginStatus> statuses) {
        static final Loaded NONE = new Loaded(Map.of(), List.of());
    }

    private final Path directory;
    private final TenantSql sql;
    private final PluginLoader loader = new PluginLoader();
    private final Deque<PluginProblem> runtimeProblems = new ArrayDeque<>();
    private volatile Loaded loaded = Loaded.NONE;
    private volatile Map<String, Set<String>> enabledByTenant = Map.of();
    private Vertx vertx;
    private MessageConsumer<String> consumer;
    private Future<Void> reloading = Future.succeededFuture();

    public PluginHost(Path directory, TenantSql sql) {
        this.directory = directory;
        this.sql = sql;
    }

    /** Loads the jars and the académies' choices, then follows the cluster-wide change notices. */
    public Future<Void> start(Vertx vertx) {
        this.vertx = vertx;
        consumer = vertx.eventBus().consumer(CHANGED_ADDRESS, message -> reload(RELOAD_JARS.equals(message.body()))
                .onFailure(e -> LOG.error("plugin reload failed", e)));
        return reload(true);
    }

    /** Asks every member (this one included) to reload; {@code jars} also re-reads the plugins directory. */
    public void publishChange(boolean jars) {
        vertx.eventBus().publish(CHANGED_ADDRESS, jars ? RELOAD_JARS : RELOAD_ENABLING);
    }

    /** Reloads on this member only; reloads run one after the other. */
    public synchronized Future<Void> reload(boolean jars) {
        reloading = reloading.transform(ignored -> (jars ? reloadJars() : Future.<Void>succeededFuture())
                .compose(v -> reloadEnabling()));
        return reloading;
    }

    private Future<Void> reloadJars() {
        return vertx.executeBlocking(() -> loader.load(directory), false).map(result -> {
            Map<String, LoadedPlugin> byId = result.plugins().stream()
                    .collect(Collectors.toUnmodifiableMap(LoadedPlugin::id, Function.identity()));
            Loaded previous = loaded;
            loaded = new Loaded(byId, result.statuses());
            if (!previous.byId().isEmpty()) {
                vertx.setTimer(UNLOAD_GRACE_MS, id -> previous.byId().values().forEach(LoadedPlugin::unload));
            }
            return null;
        });
    }

    private Future<Void> reloadEnabling() {
        return sql.inPlatform(conn -> conn
                        .query("select tenant_code, plugin_id from tenant_plugin where enabled order by tenant_code, plugin_id")
                        .execute())
                .map(rows -> {
                    Map<String, Set<String>> byTenant = new HashMap<>();
                    for (Row row : rows) {
                        byTenant.computeIfAbsent(row.getString("tenant_code"), t -> new HashSet<>()).add(row.getString("plugin_id"));
                    }
                    enabledByTenant = byTenant.entrySet().stream()
                            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
                    LOG.atInfo().addKeyValue("plugins", loaded.byId().keySet()).addKeyValue("tenants", enabledByTenant)
                            .log("plugins ready");
                    return null;
                });
    }

    /**
     * Records the national admin's choice and has every member apply it. Enabling needs the
     * plugin to be active here and to clash with no plugin the académie already uses (same
     * mission type code, or same exam in two indemnity schemes). Fails with a French message.
     */
    public Future<Void> setEnabled(String tenantCode, String pluginId, boolean enabled, String actor) {
        if (enabled) {
            try {
                Optional<String> refusal = enablingRefusal(tenantCode, pluginId);
                if (refusal.isPresent()) {
                    return Future.failedFuture(new IllegalArgumentException(refusal.get()));
                }
            } catch (PluginFailure e) {
                return Future.failedFuture(e);
            }
        }
        return sql.inPlatform(conn -> conn.preparedQuery("""
                        insert into tenant_plugin (tenant_code, plugin_id, enabled, changed_by) values ($1, $2, $3, $4)
                        on conflict (tenant_code, plugin_id)
                        do update set enabled = excluded.enabled, changed_by = excluded.changed_by, changed_at = now()""")
                        .execute(Tuple.of(tenantCode, pluginId, enabled, actor)))
                .<Void>mapEmpty()
                .onSuccess(v -> {
                    LOG.atInfo().addKeyValue("tenant", tenantCode).addKeyValue("plugin", pluginId)
                            .addKeyValue("enabled", enabled).addKeyValue("by", actor).log("plugin choice changed");
                    publishChange(false);
                });
    }

    private Optional<String> enablingRefusal(String tenantCode, String pluginId) {
        LoadedPlugin plugin = loaded.byId().get(pluginId);
        if (plugin == null) {
            return Optional.of("Le plugin « " + pluginId + " » n'est pas chargé sur ce serveur (absent ou en échec) : "
                    + "il ne peut pas être activé.");
        }
        for (String otherId : enabledPlugins(tenantCode)) {
            LoadedPlugin other = loaded.byId().get(otherId);
            if (other == null || otherId.equals(pluginId)) {
                continue;
            }
            Set<String> sharedTypes = typeCodes(plugin);
            sharedTypes.retainAll(typeCodes(other));
            Set<String> sharedExams = iccExams(plugin);
            sharedExams.retainAll(iccExams(other));
            if (!sharedTypes.isEmpty() || !sharedExams.isEmpty()) {
                return Optional.of("Le plugin « " + pluginId + " » entre en conflit avec « " + otherId + " », déjà activé : "
                        + (sharedTypes.isEmpty() ? "" : "types de mission " + sharedTypes + " ")
                        + (sharedExams.isEmpty() ? "" : "indemnités des examens " + sharedExams));
            }
        }
        return Optional.empty();
    }

    private Set<String> typeCodes(LoadedPlugin plugin) {
        Set<String> codes = new HashSet<>();
        for (MissionTypes types : plugin.extensions(MissionTypes.class)) {
            call(plugin.id(), "types de mission", types::missionTypes).forEach(t -> codes.add(t.code()));
        }
        return codes;
    }

    private Set<String> iccExams(LoadedPlugin plugin) {
        Set<String> exams = new HashSet<>();
        for (IccScheme scheme : plugin.extensions(IccScheme.class)) {
            exams.addAll(call(plugin.id(), "barème d'indemnités", scheme::examCodes));
        }
        return exams;
    }

    /** The ids of the plugins the académie enabled (loaded here or not). */
    public Set<String> enabledPlugins(String tenantCode) {
        return enabledByTenant.getOrDefault(tenantCode, Set.of());
    }

    /** The extensions of {@code point} the académie may use: from its enabled plugins that are active here. */
    public <T> List<Contribution<T>> contributions(String tenantCode, Class<T> point) {
        List<Contribution<T>> found = new ArrayList<>();
        Loaded current = loaded;
        for (String pluginId : enabledPlugins(tenantCode).stream().sorted().toList()) {
            LoadedPlugin plugin = current.byId().get(pluginId);
            if (plugin != null) {
                plugin.extensions(point).forEach(extension -> found.add(new Contribution<>(pluginId, extension)));
            }
        }
        return found;
    }

    /**
     * The mission types of the académie's plugins, each with the plugin that contributes it. A
     * plugin failing to list its types contributes none (its failure is recorded for the admin).
     */
    public List<Contribution<MissionType>> missionTypes(String tenantCode) {
        List<Contribution<MissionType>> types = new ArrayList<>();
        for (Contribution<MissionTypes> c : contributions(tenantCode, MissionTypes.class)) {
            try {
                call(c.pluginId(), "types de mission", c.extension()::missionTypes)
                        .forEach(type -> types.add(new Contribution<>(c.pluginId(), type)));
            } catch (PluginFailure e) {
                // recorded by call(): the other plugins' types are still offered
            }
        }
        return types;
    }

    /**
     * Runs plugin code. If it throws, the failure is recorded for the admin and surfaces as a
     * {@link PluginFailure} whose message the user can read; a JVM error (out of memory) is not
     * the plugin's to swallow and propagates.
     */
    public <T> T call(String pluginId, String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            PluginFailure failure = new PluginFailure(pluginId, action, e);
            record(PluginProblem.now(pluginId, PluginProblem.Phase.EXECUTION, action + " : " + PluginFailure.describe(e)));
            LOG.atError().addKeyValue("plugin", pluginId).addKeyValue("action", action).setCause(e).log("plugin call failed");
            throw failure;
        }
    }

    private void record(PluginProblem problem) {
        synchronized (runtimeProblems) {
            runtimeProblems.addLast(problem);
            while (runtimeProblems.size() > RUNTIME_PROBLEMS_KEPT) {
                runtimeProblems.removeFirst();
            }
        }
    }

    /** Every jar of the plugins directory, as loaded on this member, with its problems. */
    public List<PluginStatus> statuses() {
        List<PluginProblem> recent;
        synchronized (runtimeProblems) {
            recent = List.copyOf(runtimeProblems);
        }
        return loaded.statuses().stream().map(status -> {
            List<PluginProblem> problems = new ArrayList<>(status.problems());
            recent.stream().filter(p -> p.plugin().equals(status.plugin())).forEach(problems::add);
            return new PluginStatus(status.plugin(), status.version(), status.jar(), status.state(), List.copyOf(problems));
        }).toList();
    }

    /** Stops every plugin now (at platform shutdown). */
    @Override
    public void close() {
        if (consumer != null) {
            consumer.unregister();
        }
        Loaded last = loaded;
        loaded = Loaded.NONE;
        last.byId().values().forEach(LoadedPlugin::unload);
    }
}
