package fr.education.imagin.core.plugins.testkit;

import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.db.Database;
import fr.education.imagin.core.db.Migrations;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.plugins.PluginHost;
import fr.education.imagin.core.plugins.PluginStatus;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantProvisioning;
import fr.education.imagin.indemnites.IccService;
import fr.education.imagin.missions.MissionGeneration;
import fr.education.imagin.missions.MissionTypeRules;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The plugin test kit: the platform's plugin machinery started in-process on a real PostgreSQL
 * (a fresh database), loading real plugin jars from a plugins directory of its own, with one
 * académie ({@link #tenant()}, migrated like any other) that has every loaded plugin enabled.
 * No mock: the services are the platform's own ({@link MissionGeneration}, {@link
 * MissionTypeRules}, {@link IccService}). Plugin authors get it with the {@code imagin-server}
 * test-jar (see plugins/README.md).
 *
 * <pre>{@code
 * try (PluginTestPlatform platform = PluginTestPlatform.start(Path.of("target/my-plugin.jar"))) {
 *     platform.addEtablissement("0350001A", "LYCEE A");
 *     ...
 * }
 * }</pre>
 */
public final class PluginTestPlatform implements AutoCloseable {

    private static final Tenant TENANT = new Tenant("essai", "ACADEMIE D'ESSAI", "dec@ac-essai.fr", "", true);

    private final Vertx vertx;
    private final Database database;
    private final Path pluginsDir;
    private final PluginHost plugins;
    private final TenantSql sql;

    private PluginTestPlatform(Vertx vertx, Database database, Path pluginsDir, PluginHost plugins, TenantSql sql) {
        this.vertx = vertx;
        this.database = database;
        this.pluginsDir = pluginsDir;
        this.plugins = plugins;
        this.sql = sql;
    }

    /** A jar the build installed into {@code plugins/dist} (tests of this repository). */
    public static Path distJar(String pluginId) {
        return existing(projectRoot().resolve("plugins/dist/" + pluginId + ".jar"));
    }

    /** A deliberately faulty plugin of {@code plugins/test-fixtures} (tests of this repository). */
    public static Path fixtureJar(String name) {
        return existing(projectRoot().resolve("plugins/test-fixtures/" + name + "/target/" + name + ".jar"));
    }

    private static Path projectRoot() {
        return Path.of(System.getProperty("imagin.projectRoot", "../.."));
    }

    private static Path existing(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build the plugins first (mvn install)");
        }
        return jar;
    }

    /** Starts on a fresh database with these jars in the plugins directory, all enabled for {@link #tenant()}. */
    public static PluginTestPlatform start(Path... jars) {
        Path dir;
        try {
            dir = Files.createTempDirectory("imagin-plugins");
            for (Path jar : jars) {
                Files.copy(jar, dir.resolve(jar.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Vertx vertx = Vertx.vertx();
        Database database = Database.connect(vertx, new PlatformConfig.Database(PluginTestDatabase.newDatabase(), "postgres", "",
                2, Path.of("unused"), 0));
        Migrations migrations = new Migrations(database.jdbc());
        migrations.migratePlatform();
        TenantProvisioning provisioning = new TenantProvisioning(database.jdbc(), migrations);
        provisioning.register(TENANT, false);
        migrations.migrateTenant(TENANT.schemaName());
        TenantSql sql = new TenantSql(database.pool());
        PluginHost plugins = new PluginHost(dir, sql);
        PluginTestPlatform platform = new PluginTestPlatform(vertx, database, dir, plugins, sql);
        platform.await(plugins.start(vertx));
        plugins.statuses().stream().filter(s -> s.state() == PluginStatus.State.ACTIF)
                .forEach(s -> platform.enable(s.plugin()));
        return platform;
    }

    public Tenant tenant() {
        return TENANT;
    }

    public PluginHost plugins() {
        return plugins;
    }

    public MissionGeneration missionGeneration() {
        return new MissionGeneration(plugins, database.jdbc());
    }

    public MissionTypeRules missionTypeRules() {
        return new MissionTypeRules(plugins, sql);
    }

    public IccService indemnites() {
        return new IccService(plugins, sql);
    }

    public Vertx vertx() {
        return vertx;
    }

    public DataSource jdbc() {
        return database.jdbc();
    }

    public TenantSql sql() {
        return sql;
    }

    /** The plugins directory: add or remove jars, then {@link #reloadJars()}. */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /** Enables the plugin for the académie, as the national admin does, and waits until it applies. */
    public PluginTestPlatform enable(String pluginId) {
        await(plugins.setEnabled(TENANT.code(), pluginId, true, "testkit"));
        waitUntil(() -> plugins.enabledPlugins(TENANT.code()).contains(pluginId), "enabling " + pluginId);
        return this;
    }

    public PluginTestPlatform disable(String pluginId) {
        await(plugins.setEnabled(TENANT.code(), pluginId, false, "testkit"));
        waitUntil(() -> !plugins.enabledPlugins(TENANT.code()).contains(pluginId), "disabling " + pluginId);
        return this;
    }

    /** Re-reads the plugins directory (what a "jars" change notice does on every member). */
    public void reloadJars() {
        await(plugins.reload(true));
    }

    /** An establishment of the académie (missions are held in establishments). */
    public void addEtablissement(String uai, String nom) {
        execute("insert into etablissement (uai, nom, categorie, commune, centre_examen) values (?, ?, 'LPO', 'VILLE', true)",
                uai, nom);
    }

    /** An exam and one of its sessions, as the regulation import would create them. */
    public void addSession(String examCode, String sigle, String famille, int annee) {
        execute("insert into examen (code, sigle, libelle, famille) values (?, ?, ?, ?) on conflict do nothing",
                examCode, sigle, sigle, famille);
        execute("insert into session_examen (examen_code, annee, libelle) values (?, ?, ?)",
                examCode, annee, sigle + " " + annee);
    }

    /** Runs one statement in the académie's schema. */
    public void execute(String statement, Object... parameters) {
        try (Connection conn = database.jdbc().getConnection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement path = conn.prepareStatement("select set_config('search_path', ?, true)");
                 PreparedStatement st = conn.prepareStatement(statement)) {
                path.setString(1, TENANT.schemaName());
                path.execute();
                for (int i = 0; i < parameters.length; i++) {
                    st.setObject(i + 1, parameters[i]);
                }
                st.execute();
            }
            conn.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    /** A single value read in the académie's schema, e.g. {@code select count(*) from mission}. */
    public Object query(String select, Object... parameters) {
        List<List<Object>> rows = select(select, parameters);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    /** Rows read in the académie's schema, each as its columns joined by '|' (handy in assertions). */
    public List<String> rows(String select, Object... parameters) {
        return select(select, parameters).stream()
                .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining("|"))).toList();
    }

    private List<List<Object>> select(String select, Object... parameters) {
        try (Connection conn = database.jdbc().getConnection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement path = conn.prepareStatement("select set_config('search_path', ?, true)");
                 PreparedStatement st = conn.prepareStatement(select)) {
                path.setString(1, TENANT.schemaName());
                path.execute();
                for (int i = 0; i < parameters.length; i++) {
                    st.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = st.executeQuery()) {
                    List<List<Object>> rows = new ArrayList<>();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.add(rs.getObject(i));
                        }
                        rows.add(row);
                    }
                    conn.commit();
                    return rows;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(select, e);
        }
    }

    public <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out", e);
        }
    }

    /** Polls until the condition holds (changes reach members through the event bus). */
    public static void waitUntil(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        plugins.close();
        try {
            await(vertx.close());
        } finally {
            database.close();
        }
    }
}
