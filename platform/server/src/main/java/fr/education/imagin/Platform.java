package fr.education.imagin;

import fr.education.imagin.academies.AcademyHomeRoutes;
import fr.education.imagin.academies.AcademyHomeService;
import fr.education.imagin.bench.FortuneRoutes;
import fr.education.imagin.core.cluster.ClusterManagerFactory;
import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.db.Database;
import fr.education.imagin.core.db.EmbeddedPostgres;
import fr.education.imagin.core.db.Migrations;
import fr.education.imagin.core.db.StartupLock;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.security.AccessPolicy;
import fr.education.imagin.core.security.AccountService;
import fr.education.imagin.core.security.EstablishmentSlots;
import fr.education.imagin.core.security.LoginRoutes;
import fr.education.imagin.core.security.LoginThrottle;
import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.tenant.TenantFiles;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.tenant.TenantProvisioning;
import fr.education.imagin.core.tenant.TenantRegistry;
import fr.education.imagin.core.web.ErrorPages;
import fr.education.imagin.core.web.HealthRoutes;
import fr.education.imagin.core.web.HttpVerticle;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SecurityHeaders;
import fr.education.imagin.core.web.SessionSync;
import fr.education.imagin.demo.DemoAccount;
import fr.education.imagin.demo.DemoSeeder;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CSRFHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.ClusteredSessionStore;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The composition root: starts the database (embedded when none is configured), joins the
 * cluster, migrates every tenant, seeds demo data on request and serves HTTP. Tests start it
 * in-process the same way {@link Main} does.
 */
public final class Platform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    private static final String SESSION_COOKIE = "imagin.session";

    /** What to do at start besides serving; {@code scale} null = no large académie. */
    public record StartOptions(Double scale) {
        public static StartOptions defaults() {
            return new StartOptions(null);
        }
    }

    private final PlatformConfig config;
    private final EmbeddedPostgres embedded;
    private final Vertx vertx;
    private final Database database;
    private final List<DemoAccount> demoAccounts;
    private final long startMillis;

    private Platform(PlatformConfig config, EmbeddedPostgres embedded, Vertx vertx, Database database,
                     List<DemoAccount> demoAccounts, long startMillis) {
        this.config = config;
        this.embedded = embedded;
        this.vertx = vertx;
        this.database = database;
        this.demoAccounts = demoAccounts;
        this.startMillis = startMillis;
    }

    public static Platform start(PlatformConfig initial, StartOptions options) {
        long started = System.nanoTime();
        EmbeddedPostgres embedded = null;
        PlatformConfig config = initial;
        if (config.database().embedded()) {
            embedded = EmbeddedPostgres.start(config.database());
            config = config.withDatabase(config.database().withJdbc(embedded.jdbcUrl(), "postgres", ""));
        }
        HazelcastClusterManager cluster = ClusterManagerFactory.create(config.cluster());
        Vertx vertx = await(Vertx.builder().withClusterManager(cluster).buildClustered());
        Database database = Database.connect(vertx, config.database());
        try {
            List<DemoAccount> accounts = prepareData(config, database, options);
            TenantSql sql = new TenantSql(database.pool());
            TenantRegistry registry = new TenantRegistry(sql);
            await(registry.start(vertx));
            String csrfSecret = await(clusterSecret(vertx, "csrf"));
            PageRenderer pages = new PageRenderer();
            AcademyHomeRoutes home = new AcademyHomeRoutes(registry, new AcademyHomeService(sql), pages);
            LoginRoutes login = new LoginRoutes(new AccountService(vertx, sql), new LoginThrottle(vertx),
                    new EstablishmentSlots(vertx, ClusteredSessionStore.create(vertx)), new AuditTrail(sql), pages);
            PlatformConfig finalConfig = config;
            int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
            await(vertx.deployVerticle(() -> new HttpVerticle(finalConfig.http(), v -> {
                SessionHandler sessions = SessionHandler.create(ClusteredSessionStore.create(v))
                        .setSessionCookieName(SESSION_COOKIE)
                        .setSessionTimeout(finalConfig.sessionTimeout().toMillis())
                        .setCookieHttpOnlyFlag(true)
                        .setCookieSameSite(CookieSameSite.LAX)
                        .setCookieSecureFlag(finalConfig.http().publicUrl().startsWith("https:"));
                return router(v, finalConfig, database, cluster, registry, pages, home,
                        login, sessions, csrfSecret);
            }), new DeploymentOptions().setInstances(instances)));
            long startMillis = (System.nanoTime() - started) / 1_000_000;
            LOG.atInfo().addKeyValue("port", config.http().port()).addKeyValue("ms", startMillis)
                    .addKeyValue("members", cluster.getNodes().size()).log("platform started");
            return new Platform(config, embedded, vertx, database, accounts, startMillis);
        } catch (RuntimeException e) {
            database.close();
            vertx.close();
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** JDBC start-up work, under a cluster-wide lock so two members never seed twice. */
    private static List<DemoAccount> prepareData(PlatformConfig config, Database database, StartOptions options) {
        Migrations migrations = new Migrations(database.jdbc());
        try (StartupLock lock = StartupLock.acquire(database.jdbc())) {
            migrations.migratePlatform();
            TenantProvisioning provisioning = new TenantProvisioning(database.jdbc(), migrations);
            List<TenantFiles.TenantFile> files = TenantFiles.read(config.tenantsDir());
            files.forEach(file -> provisioning.register(file.toTenant(), file.isDemo()));
            provisioning.migrateAll();
            List<DemoAccount> accounts = new ArrayList<>();
            DemoSeeder seeder = new DemoSeeder(database.jdbc(), provisioning);
            if (config.demo()) {
                accounts.addAll(seeder.seedDemo(files.stream().filter(TenantFiles.TenantFile::isDemo).toList()));
            }
            if (options.scale() != null) {
                accounts.addAll(seeder.seedScale(options.scale()));
            }
            return accounts;
        }
    }

    private static Router router(Vertx vertx, PlatformConfig config, Database database, HazelcastClusterManager cluster,
                                 TenantRegistry registry, PageRenderer pages, AcademyHomeRoutes home,
                                 LoginRoutes login, SessionHandler sessions, String csrfSecret) {
        Router router = Router.router(vertx);
        router.route().handler(new SecurityHeaders());
        new HealthRoutes(database.pool(), cluster).mount(router);
        if (config.benchRoutes()) {
            new FortuneRoutes(database.pool(), pages).mount(router);
        }
        home.mountLanding(router);

        // Every académie route: tenant → session → body → CSRF → (login) → access policy → activity.
        // Separate routes: Vert.x orders platform handlers (session, body, CSRF) before user
        // handlers within one route, and the tenant must be resolved first.
        router.route("/:tenant/*").handler(new TenantHandler(registry));
        router.route("/:tenant/*").handler(sessions);
        router.route("/:tenant/*").handler(ctx -> SessionSync.remember(ctx, sessions));
        router.route("/:tenant/*").handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
        router.route("/:tenant/*").handler(CSRFHandler.create(vertx, csrfSecret)
                        .setCookieSecure(config.http().publicUrl().startsWith("https:"))
                        .setTimeout(config.sessionTimeout().toMillis()));
        login.mount(router);
        router.route("/:tenant/*").handler(new AccessPolicy());
        home.mount(router);

        router.get("/:tenant").handler(ctx -> ctx.redirect(ctx.request().path() + "/"));
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(new ErrorPages(pages));
        return router;
    }

    /** A secret every member shares (first member to start creates it). */
    private static Future<String> clusterSecret(Vertx vertx, String name) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return vertx.sharedData().<String, String>getAsyncMap("imagin.secrets")
                .compose(map -> map.putIfAbsent(name, candidate))
                .map(existing -> existing == null ? candidate : existing);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("start-up step timed out", e);
        }
    }

    public PlatformConfig config() {
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    public Database database() {
        return database;
    }

    public List<DemoAccount> demoAccounts() {
        return demoAccounts;
    }

    public long startMillis() {
        return startMillis;
    }

    @Override
    public void close() {
        try {
            await(vertx.close());
        } finally {
            database.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
