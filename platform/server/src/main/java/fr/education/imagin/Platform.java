package fr.education.imagin;

import fr.education.imagin.academies.administration.AdminConsoleRoutes;
import fr.education.imagin.academies.administration.AcademyOfficeRoutes;
import fr.education.imagin.academies.administration.TenantAdministration;
import fr.education.imagin.bench.FortuneRoutes;
import fr.education.imagin.core.cluster.ClusterManagerFactory;
import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.db.Database;
import fr.education.imagin.core.db.EmbeddedPostgres;
import fr.education.imagin.core.db.FrenchCollation;
import fr.education.imagin.core.db.Migrations;
import fr.education.imagin.core.db.StartupLock;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.mail.MailDelivery;
import fr.education.imagin.core.mail.MailOutbox;
import fr.education.imagin.core.plugins.PluginHost;
import fr.education.imagin.core.plugins.PluginProvisioning;
import fr.education.imagin.core.security.AccessPolicy;
import fr.education.imagin.core.security.AccountService;
import fr.education.imagin.core.security.EstablishmentSlots;
import fr.education.imagin.core.security.LoginFlow;
import fr.education.imagin.core.security.LoginRoutes;
import fr.education.imagin.core.security.oidc.KeycloakLoginFailures;
import fr.education.imagin.core.security.oidc.KeycloakProvisioner;
import fr.education.imagin.core.security.oidc.OidcLoginRoutes;
import fr.education.imagin.core.security.oidc.OidcProviders;
import fr.education.imagin.core.security.LoginThrottle;
import fr.education.imagin.core.security.EstablishmentChoiceRoutes;
import fr.education.imagin.core.security.SessionExpiry;
import fr.education.imagin.core.security.SignIn;
import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.tenant.CentreRegistry;
import fr.education.imagin.core.tenant.Tenant;
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
import fr.education.imagin.imports.ImportRoutes;
import fr.education.imagin.interacademies.CrossAcademyRelay;
import fr.education.imagin.ui.UserInterface;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
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
    private static final List<String> DEMO_PLUGINS = List.of("ec-ece", "icc-bac", "icc-bts");

    /** One route of the router: its path pattern and methods (empty = every method). */
    public record RouteEntry(String path, List<String> methods) {
    }

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
    private final PluginHost plugins;
    private final List<DemoAccount> demoAccounts;
    private final List<RouteEntry> routes;
    private final long startMillis;
    private final TenantRegistry registry;
    private final CrossAcademyRelay crossAcademy;

    private Platform(PlatformConfig config, EmbeddedPostgres embedded, Vertx vertx, Database database,
                     PluginHost plugins, List<DemoAccount> demoAccounts, List<RouteEntry> routes, long startMillis,
                     TenantRegistry registry, CrossAcademyRelay crossAcademy) {
        this.config = config;
        this.embedded = embedded;
        this.vertx = vertx;
        this.database = database;
        this.plugins = plugins;
        this.demoAccounts = demoAccounts;
        this.routes = routes;
        this.startMillis = startMillis;
        this.registry = registry;
        this.crossAcademy = crossAcademy;
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
        // The event bus advertises the cluster host alone (not Hazelcast's host:port public address).
        Vertx vertx = await(Vertx.builder()
                .with(new VertxOptions().setEventBusOptions(new EventBusOptions()
                        .setHost(config.cluster().host()).setClusterPublicHost(config.cluster().host())))
                .withClusterManager(cluster).buildClustered());
        Database database = Database.connect(vertx, config.database());
        PluginHost plugins = null;
        try {
            List<DemoAccount> accounts = prepareData(config, database, options);
            TenantSql sql = new TenantSql(database.pool());
            TenantRegistry registry = new TenantRegistry(sql);
            await(registry.start(vertx));
            CentreRegistry centres = new CentreRegistry(sql);
            await(centres.start(vertx));
            // INDISPO-4: every member consumes the cross-académie queue.
            CrossAcademyRelay crossAcademy = new CrossAcademyRelay(vertx, sql, registry, cluster.getNodeId());
            await(crossAcademy.start(Duration.ofSeconds(30)));
            plugins = new PluginHost(config.pluginsDir(), sql);
            await(plugins.start(vertx));
            String csrfSecret = await(clusterSecret(vertx, "csrf"));
            SessionExpiry sessionExpiry = new SessionExpiry(config.sessionTimeout(), config.sessionWarning());
            AuditTrail audit = new AuditTrail(sql);
            MailOutbox outbox = new MailOutbox(sql, audit, config.mail().enabled());
            UserInterface ui = UserInterface.create(vertx, sql, registry, centres, sessionExpiry, audit, outbox, plugins, crossAcademy,
                    database.jdbc(), config.affectation());
            PageRenderer pages = ui.pages();
            EstablishmentSlots slots = new EstablishmentSlots(vertx, ClusteredSessionStore.create(vertx));
            SignIn signIn = new SignIn(slots, audit, pages);
            EstablishmentChoiceRoutes establishmentChoice = new EstablishmentChoiceRoutes(sql, slots, signIn, pages);
            AccountService accountService = new AccountService(vertx, sql);
            LoginThrottle throttle = new LoginThrottle(vertx);
            LoginFlow login = config.keycloak().enabled()
                    ? new OidcLoginRoutes(new OidcProviders(vertx, config.keycloak()), signIn, pages, config.http().publicUrl())
                    : new LoginRoutes(accountService, throttle, signIn, pages);
            TenantAdministration administration = new TenantAdministration(vertx, cluster, sql, database.jdbc(), registry,
                    audit, config);
            await(administration.start());
            // National admins always sign in with their platform account, Keycloak or not.
            AdminConsoleRoutes adminConsole = new AdminConsoleRoutes(administration, plugins, accountService, throttle, signIn, pages);
            AcademyOfficeRoutes academyOffice = new AcademyOfficeRoutes(administration, pages);
            PlatformConfig finalConfig = config;
            int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
            AtomicReference<List<RouteEntry>> routes = new AtomicReference<>();
            await(vertx.deployVerticle(() -> new HttpVerticle(finalConfig.http(), v -> {
                SessionHandler sessions = SessionHandler.create(ClusteredSessionStore.create(v))
                        .setSessionCookieName(SESSION_COOKIE)
                        .setSessionTimeout(finalConfig.sessionTimeout().toMillis())
                        .setCookieHttpOnlyFlag(true)
                        .setCookieSameSite(CookieSameSite.LAX)
                        .setCookieSecureFlag(finalConfig.http().publicUrl().startsWith("https:"));
                Router router = router(v, finalConfig, database, cluster, registry, centres, sessionExpiry, establishmentChoice, pages, ui,
                        login, adminConsole, academyOffice, sessions, csrfSecret);
                routes.set(router.getRoutes().stream().filter(r -> r.getPath() != null)
                        .map(r -> new RouteEntry(r.getPath(), r.methods() == null ? List.of()
                                : r.methods().stream().map(m -> m.name()).sorted().toList()))
                        .toList());
                return router;
            }), new DeploymentOptions().setInstances(instances)));
            if (config.mail().enabled()) {
                await(vertx.deployVerticle(new MailDelivery(database.connectOptions(), registry, config.mail(),
                        MailDelivery.Retry.defaults())));
            } else {
                LOG.info("mail.smtp.host is empty: mails stay queued in each académie's outbox");
            }
            if (config.keycloak().enabled()) {
                await(vertx.deployVerticle(new KeycloakLoginFailures(config.keycloak(), registry, audit, Duration.ofSeconds(10))));
            }
            long startMillis = (System.nanoTime() - started) / 1_000_000;
            LOG.atInfo().addKeyValue("port", config.http().port()).addKeyValue("ms", startMillis)
                    .addKeyValue("members", cluster.getNodes().size()).log("platform started");
            return new Platform(config, embedded, vertx, database, plugins, accounts, routes.get(), startMillis, registry, crossAcademy);
        } catch (RuntimeException e) {
            if (plugins != null) {
                plugins.close();
            }
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
        FrenchCollation.require(database.jdbc());
        Migrations migrations = new Migrations(database.jdbc());
        try (StartupLock lock = StartupLock.acquire(database.jdbc())) {
            migrations.migratePlatform();
            TenantProvisioning provisioning = new TenantProvisioning(database.jdbc(), migrations);
            List<TenantFiles.TenantFile> files = TenantFiles.read(config.tenantsDir());
            files.forEach(file -> provisioning.register(file.toTenant(), file.isDemo()));
            provisioning.migrateAll();
            // The demo académies start with the platform's plugins on; an admin's later choice wins.
            PluginProvisioning pluginChoices = new PluginProvisioning(database.jdbc());
            files.stream().filter(TenantFiles.TenantFile::isDemo).forEach(file -> pluginChoices.enableUnlessChosen(
                    file.code(), DEMO_PLUGINS, "demo"));
            List<DemoAccount> accounts = new ArrayList<>();
            DemoSeeder seeder = new DemoSeeder(database.jdbc(), provisioning);
            if (config.demo()) {
                accounts.addAll(seeder.seedDemo(files.stream().filter(TenantFiles.TenantFile::isDemo).toList()));
            }
            if (options.scale() != null) {
                accounts.addAll(seeder.seedScale(options.scale()));
            }
            if (config.keycloak().enabled()) {
                provisionKeycloak(config, provisioning.registered(), accounts);
            }
            return accounts;
        }
    }

    /**
     * Every tenant's realm is brought to the configured state (created, or corrected where it
     * drifted), and the demo accounts get their Keycloak twins (same logins and passwords).
     */
    private static void provisionKeycloak(PlatformConfig config, List<Tenant> tenants, List<DemoAccount> accounts) {
        try (KeycloakProvisioner keycloak = new KeycloakProvisioner(config.keycloak(), config.http().publicUrl())) {
            tenants.forEach(keycloak::reconcile);
            for (DemoAccount account : accounts) {
                tenants.stream().filter(t -> t.code().equals(account.tenantCode())).findFirst().ifPresent(tenant ->
                        keycloak.createUser(tenant, account.login(), account.password(), account.role().libelle(),
                                account.login(), account.role(), account.uais(), false));
            }
        }
    }

    private static Router router(Vertx vertx, PlatformConfig config, Database database, HazelcastClusterManager cluster,
                                 TenantRegistry registry, CentreRegistry centres, SessionExpiry sessionExpiry,
                                 EstablishmentChoiceRoutes establishmentChoice,
                                 PageRenderer pages, UserInterface ui,
                                 LoginFlow login, AdminConsoleRoutes adminConsole, AcademyOfficeRoutes academyOffice,
                                 SessionHandler sessions, String csrfSecret) {
        Router router = Router.router(vertx);
        router.route().handler(new SecurityHeaders(config.keycloak().enabled() ? Optional.of(config.keycloak().url())
                : Optional.empty()));
        new HealthRoutes(database.pool(), cluster).mount(router);
        if (config.benchRoutes()) {
            new FortuneRoutes(database.pool(), pages).mount(router);
        }
        ui.mountPublic(router);

        // The national admin console, before the académies (whose "/:tenant/*" would take "admin"):
        // session → body → CSRF → (its login) → national admin guard → page.
        String admin = AdminConsoleRoutes.PREFIX + "/*";
        router.route(admin).handler(sessions);
        router.route(admin).handler(ctx -> SessionSync.remember(ctx, sessions));
        router.route(admin).handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
        router.route(admin).handler(CSRFHandler.create(vertx, csrfSecret)
                .setCookieSecure(config.http().publicUrl().startsWith("https:"))
                .setTimeout(config.sessionTimeout().toMillis()));
        adminConsole.mount(router);
        router.get(AdminConsoleRoutes.PREFIX).handler(ctx -> ctx.redirect(AdminConsoleRoutes.PREFIX + "/"));

        // Every académie route: tenant → session → body → CSRF → (login) → access policy → work
        // context (establishment, activity states) → activity guard → screen.
        // Separate routes: Vert.x orders platform handlers (session, body, CSRF) before user
        // handlers within one route, and the tenant must be resolved first.
        router.route("/:tenant/*").handler(new TenantHandler(registry));
        router.route("/:tenant/*").handler(sessions);
        router.route("/:tenant/*").handler(ctx -> SessionSync.remember(ctx, sessions));
        ImportRoutes.mountUploads(router); // the office's file uploads: their own guard and limit, before the 1 MB one
        router.route("/:tenant/*").handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
        router.route("/:tenant/*").handler(CSRFHandler.create(vertx, csrfSecret)
                        .setCookieSecure(config.http().publicUrl().startsWith("https:"))
                        .setTimeout(config.sessionTimeout().toMillis()));
        login.mount(router);
        router.route("/:tenant/*").handler(new AccessPolicy(centres, pages));
        sessionExpiry.mount(router);
        establishmentChoice.mount(router);
        ui.mountAcademy(router);
        academyOffice.mount(router);

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

    /** Every path route the router knows, as built: what the authorisation matrix test walks. */
    public List<RouteEntry> routes() {
        return routes;
    }

    public long startMillis() {
        return startMillis;
    }

    /** The académies this member serves. */
    public TenantRegistry tenants() {
        return registry;
    }

    /** INDISPO-4: publishes cross-académie convocations; its consumer runs on this member. */
    public CrossAcademyRelay crossAcademy() {
        return crossAcademy;
    }

    /** The exam-type plugins this member loaded (statuses, per-tenant enabling). */
    public PluginHost plugins() {
        return plugins;
    }

    @Override
    public void close() {
        try {
            plugins.close();
            await(vertx.close());
        } finally {
            database.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
