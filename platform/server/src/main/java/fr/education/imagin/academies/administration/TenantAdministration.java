package fr.education.imagin.academies.administration;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.db.Migrations;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.security.AccountProvisioning;
import fr.education.imagin.core.security.Role;
import fr.education.imagin.core.security.oidc.KeycloakProvisioner;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the national admin does to académies: list them, create one (registry row, schema,
 * Keycloak realm when configured, first gestionnaire), disable or re-enable one, set its welcome
 * message. Every change is audited and every member serves it as soon as the call returns: the
 * member that made it asks each cluster member to reload its {@link TenantRegistry} and waits
 * for their answers, besides publishing {@link TenantRegistry#CHANGED_ADDRESS}.
 *
 * <p>Lives next to the académies' screens (package {@code academies}) rather than in {@code
 * core.tenant}: it is an activity of the national admin built on core pieces (registry,
 * provisioning, migrations, audit, Keycloak), not something every request needs.
 */
public final class TenantAdministration {

    /** A refusal to show the admin as is (French); nothing was written. */
    public static final class Refusal extends RuntimeException {
        private final String field;

        public Refusal(String message) {
            this(message, null);
        }

        /** @param field the form field at fault, if any */
        public Refusal(String message, String field) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** What the "Créer une académie" form sends. */
    public record NewTenant(String code, String nom, String contact, String accueil, String gestionnaire, String motDePasse) {
    }

    /** One row of the audit trail, as shown. */
    public record AuditRow(String at, String tenant, String actor, String action, String detail, String address) {
        public Map<String, Object> toModel() {
            return Map.of("horodatage", at, "academie", tenant, "acteur", actor, "action", action,
                    "detail", detail, "adresse", address);
        }
    }

    static final String RELOAD_ADDRESS_PREFIX = "imagin.admin.tenants.reload.";
    static final int MIN_PASSWORD = 12;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");
    private static final Pattern MAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern LOGIN = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,62}$");
    static final int MAX_WELCOME = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(TenantAdministration.class);

    private final Vertx vertx;
    private final ClusterManager cluster;
    private final TenantSql sql;
    private final DataSource jdbc;
    private final TenantRegistry registry;
    private final AuditTrail audit;
    private final PlatformConfig config;
    private MessageConsumer<Object> consumer;

    public TenantAdministration(Vertx vertx, ClusterManager cluster, TenantSql sql, DataSource jdbc,
                                TenantRegistry registry, AuditTrail audit, PlatformConfig config) {
        this.vertx = vertx;
        this.cluster = cluster;
        this.sql = sql;
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
        this.config = config;
    }

    /** Answers the reload requests of the member that changes a tenant (one address per member). */
    public Future<Void> start() {
        consumer = vertx.eventBus().consumer(RELOAD_ADDRESS_PREFIX + cluster.getNodeId(),
                message -> registry.reload().onComplete(done -> message.reply(done.succeeded())));
        return consumer.completion();
    }

    /** Every registered académie, active or not, by code (the database is the truth). */
    public Future<List<Tenant>> list() {
        return sql.inPlatform(conn -> conn
                        .query("select code, nom, contact_mail, message_accueil, actif from tenant order by code").execute())
                .map(rows -> {
                    List<Tenant> tenants = new ArrayList<>();
                    for (Row row : rows) {
                        tenants.add(new Tenant(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                                row.getBoolean(4)));
                    }
                    return tenants;
                });
    }

    /** Checks the form; the French message of the first problem, or null. Pure: nothing is read. */
    public static String problem(NewTenant form) {
        Refusal refusal = check(form);
        return refusal == null ? null : refusal.getMessage();
    }

    /** The first problem of the form with its field, or null. */
    static Refusal check(NewTenant form) {
        String code = trimmed(form.code());
        if (code.isEmpty()) {
            return new Refusal("Veuillez saisir le code de l'académie.", "code");
        }
        if (!CODE.matcher(code).matches()) {
            return new Refusal("Le code « " + code + " » n'est pas valide : de 2 à 31 caractères, lettres minuscules sans accent,"
                    + " chiffres et tirets, en commençant par une lettre.", "code");
        }
        try {
            new Tenant(code, "x", "x@x", "", true);
        } catch (IllegalArgumentException reserved) {
            return new Refusal("Le code « " + code + " » est réservé par la plateforme.", "code");
        }
        if (trimmed(form.nom()).isEmpty()) {
            return new Refusal("Veuillez saisir le nom de l'académie.", "nom");
        }
        if (trimmed(form.nom()).length() > 200) {
            return new Refusal("Le nom de l'académie ne doit pas dépasser 200 caractères.", "nom");
        }
        if (!MAIL.matcher(trimmed(form.contact())).matches()) {
            return new Refusal("Le courriel de contact n'est pas une adresse valide.", "contact");
        }
        if (trimmed(form.accueil()).length() > MAX_WELCOME) {
            return new Refusal("Le message d'accueil ne doit pas dépasser " + MAX_WELCOME + " caractères.", "accueil");
        }
        if (!LOGIN.matcher(trimmed(form.gestionnaire())).matches()) {
            return new Refusal("L'identifiant du premier gestionnaire n'est pas valide : de 3 à 63 caractères, lettres minuscules,"
                    + " chiffres, points, tirets et soulignés.", "gestionnaire");
        }
        if (form.motDePasse() == null || form.motDePasse().length() < MIN_PASSWORD) {
            return new Refusal("Le mot de passe initial du gestionnaire doit compter au moins " + MIN_PASSWORD + " caractères.", "motDePasse");
        }
        return null;
    }

    /**
     * Creates the académie: registry row (inactive until ready), schema migrated, Keycloak realm
     * and first gestionnaire, then active and audited in one transaction, and served by every
     * member when the returned future completes. Fails with a {@link Refusal} for the admin.
     */
    public Future<Created> create(NewTenant form, String actor, String address) {
        Refusal problem = check(form);
        if (problem != null) {
            return Future.failedFuture(problem);
        }
        Tenant tenant = new Tenant(trimmed(form.code()), trimmed(form.nom()), trimmed(form.contact()),
                trimmed(form.accueil()), true);
        String gestionnaire = trimmed(form.gestionnaire());
        return vertx.executeBlocking(() -> provision(tenant, gestionnaire, form.motDePasse(), actor, address), false)
                .compose(created -> reloadEverywhere().map(created));
    }

    /** A new académie and, in words for the admin's console, what was made for it. */
    public record Created(Tenant tenant, String summary) {
    }

    private Created provision(Tenant tenant, String gestionnaire, String password, String actor, String address)
            throws SQLException {
        try (Connection conn = jdbc.getConnection()) {
            conn.setAutoCommit(false);
            try {
                if (exists(conn, "select 1 from platform.tenant where code = ? or schema_name = ?", tenant.code(), tenant.schemaName())) {
                    throw new Refusal("Une académie de code « " + tenant.code() + " » existe déjà.", "code");
                }
                if (exists(conn, "select 1 from platform.account where login = ?", gestionnaire)) {
                    throw new Refusal("L'identifiant « " + gestionnaire + " » est déjà utilisé.", "gestionnaire");
                }
                try (PreparedStatement insert = conn.prepareStatement("""
                        insert into platform.tenant (code, nom, schema_name, contact_mail, message_accueil, actif, demo)
                        values (?, ?, ?, ?, ?, false, false)""")) {
                    insert.setString(1, tenant.code());
                    insert.setString(2, tenant.nom());
                    insert.setString(3, tenant.schemaName());
                    insert.setString(4, tenant.contactMail());
                    insert.setString(5, tenant.messageAccueil());
                    insert.executeUpdate();
                }
                conn.commit();
            } catch (SQLException e) {
                conn.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // Another admin created the same code at the same moment.
                    throw new Refusal("Une académie de code « " + tenant.code() + " » existe déjà.", "code");
                }
                throw e;
            } catch (RuntimeException e) {
                conn.rollback();
                throw e;
            }
        }
        try {
            new Migrations(jdbc).migrateTenant(tenant.schemaName());
            String summary;
            if (config.keycloak().enabled()) {
                String realm = config.keycloak().realm(tenant.code());
                try (KeycloakProvisioner keycloak = new KeycloakProvisioner(config.keycloak(), config.http().publicUrl())) {
                    keycloak.reconcile(tenant);
                    // Temporary: the gestionnaire chooses their own password at the first sign-in.
                    keycloak.createUser(tenant, gestionnaire, password, Role.GESTIONNAIRE.libelle(), gestionnaire,
                            Role.GESTIONNAIRE, List.of(), true);
                }
                summary = "schéma " + tenant.schemaName() + " ; royaume Keycloak " + realm
                        + " (rôles, client imagin, pages en français, verrouillage des comptes) ; premier gestionnaire « "
                        + gestionnaire + " » dans ce royaume, avec ce mot de passe provisoire : Keycloak lui demandera"
                        + " d'en choisir un à sa première connexion";
            } else {
                new AccountProvisioning(jdbc).createIfAbsent(gestionnaire, password, "Gestionnaire " + tenant.nom(),
                        Role.GESTIONNAIRE, tenant.code(), List.of());
                summary = "schéma " + tenant.schemaName() + " ; premier gestionnaire « " + gestionnaire
                        + " », compte de la plateforme avec ce mot de passe";
            }
            try (Connection conn = jdbc.getConnection()) {
                conn.setAutoCommit(false);
                try {
                    update(conn, "update platform.tenant set actif = true where code = ?", tenant.code());
                    auditJdbc(conn, tenant.code(), actor, "ACADEMIE_CREEE",
                            tenant.nom() + " ; schéma " + tenant.schemaName() + " ; premier gestionnaire " + gestionnaire
                                    + (config.keycloak().enabled() ? " ; royaume " + config.keycloak().realm(tenant.code()) : ""),
                            address);
                    conn.commit();
                } catch (SQLException | RuntimeException e) {
                    conn.rollback();
                    throw e;
                }
            }
            LOG.atInfo().addKeyValue("tenant", tenant.code()).addKeyValue("by", actor).log("tenant created");
            return new Created(tenant, summary);
        } catch (RuntimeException | SQLException e) {
            // The registry row goes (its schema, if any, stays empty or migrated: a new attempt reuses it).
            LOG.atError().addKeyValue("tenant", tenant.code()).setCause(e).log("tenant creation failed");
            try (Connection conn = jdbc.getConnection()) {
                update(conn, "delete from platform.tenant where code = ?", tenant.code());
            }
            throw new Refusal("La création de l'académie « " + tenant.code() + " » a échoué ("
                    + e.getClass().getSimpleName() + ") : aucune académie n'a été créée. Réessayez ou consultez les journaux du serveur.");
        }
    }

    /** Disables (the académie answers 404 everywhere) or re-enables an académie. */
    public Future<Void> setActive(String code, boolean actif, String actor, String address) {
        return sql.inPlatform(conn -> conn.preparedQuery("update tenant set actif = $2 where code = $1 and actif <> $2 returning code")
                        .execute(Tuple.of(code, actif))
                        .compose(rows -> rows.size() == 0 ? unchanged(conn, code)
                                : audit.record(conn, new AuditTrail.Entry(code, actor,
                                actif ? "ACADEMIE_REACTIVEE" : "ACADEMIE_DESACTIVEE", "", address))))
                .compose(v -> actif ? reconcileRealm(code) : Future.succeededFuture())
                .compose(v -> reloadEverywhere());
    }

    /** A re-enabled académie finds its realm as the configuration says, whatever happened to it meanwhile. */
    private Future<Void> reconcileRealm(String code) {
        if (!config.keycloak().enabled()) {
            return Future.succeededFuture();
        }
        return sql.inPlatform(conn -> conn.preparedQuery("select code, nom, contact_mail, message_accueil from tenant where code = $1")
                        .execute(Tuple.of(code)))
                .compose(rows -> vertx.executeBlocking(() -> {
                    Row row = rows.iterator().next();
                    Tenant tenant = new Tenant(row.getString("code"), row.getString("nom"), row.getString("contact_mail"),
                            row.getString("message_accueil"), true);
                    try (KeycloakProvisioner keycloak = new KeycloakProvisioner(config.keycloak(), config.http().publicUrl())) {
                        keycloak.reconcile(tenant);
                    }
                    return null;
                }, false))
                // The académie is open again either way; the next start reconciles what failed now.
                .onFailure(e -> LOG.atWarn().addKeyValue("tenant", code).setCause(e).log("Keycloak realm not reconciled"))
                .<Void>mapEmpty().otherwiseEmpty();
    }

    /** Replaces the welcome message of the académie's home page. */
    public Future<Void> setWelcome(String code, String message, String actor, String address) {
        String text = message == null ? "" : message.strip();
        if (text.length() > MAX_WELCOME) {
            return Future.failedFuture(new Refusal("Le message d'accueil ne doit pas dépasser " + MAX_WELCOME + " caractères."));
        }
        return sql.inPlatform(conn -> conn.preparedQuery("update tenant set message_accueil = $2 where code = $1 returning code")
                        .execute(Tuple.of(code, text))
                        .compose(rows -> rows.size() == 0
                                ? Future.<Void>failedFuture(new Refusal("L'académie « " + code + " » n'existe pas."))
                                : audit.record(conn, new AuditTrail.Entry(code, actor, "MESSAGE_ACCUEIL_MODIFIE",
                                text.length() > 200 ? text.substring(0, 200) + "…" : text, address))))
                .compose(v -> reloadEverywhere());
    }

    /** The latest audit entries, newest first: every académie's when {@code tenantCode} is null. */
    public Future<List<AuditRow>> journal(String tenantCode, int limit) {
        String query = "select at, tenant_code, actor, action, detail, address from audit"
                + (tenantCode == null ? "" : " where tenant_code = $2") + " order by at desc, id desc limit $1";
        Tuple params = tenantCode == null ? Tuple.of(limit) : Tuple.of(limit, tenantCode);
        return sql.inPlatform(conn -> conn.preparedQuery(query).execute(params)).map(rows -> {
            List<AuditRow> entries = new ArrayList<>();
            for (Row row : rows) {
                OffsetDateTime at = row.getOffsetDateTime("at");
                entries.add(new AuditRow(FrenchFormats.dateTime(at), orEmpty(row.getString("tenant_code")),
                        row.getString("actor"), row.getString("action"), orEmpty(row.getString("detail")),
                        orEmpty(row.getString("address"))));
            }
            return entries;
        });
    }

    /** An audit entry of its own transaction (the plugin choices, which PluginHost writes). */
    public Future<Void> record(String code, String actor, String action, String detail, String address) {
        return audit.record(new AuditTrail.Entry(code, actor, action, detail, address));
    }

    private static Future<Void> unchanged(SqlConnection conn, String code) {
        return conn.preparedQuery("select 1 from tenant where code = $1").execute(Tuple.of(code))
                .compose(rows -> rows.size() == 0
                        ? Future.failedFuture(new Refusal("L'académie « " + code + " » n'existe pas."))
                        : Future.succeededFuture());
    }

    /**
     * Has every member reload its registry before answering: one request per cluster member
     * (each listens on its own address), plus the registry's own notice for anyone else.
     */
    Future<Void> reloadEverywhere() {
        List<Future<Object>> answers = new ArrayList<>();
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(10_000);
        for (String node : cluster.getNodes()) {
            answers.add(vertx.eventBus().request(RELOAD_ADDRESS_PREFIX + node, "", options)
                    .map(reply -> reply.body())
                    .otherwise(e -> {
                        LOG.atWarn().addKeyValue("member", node).addKeyValue("reason", e.getMessage())
                                .log("member did not confirm the tenant reload");
                        return null;
                    }));
        }
        vertx.eventBus().publish(TenantRegistry.CHANGED_ADDRESS, "");
        return Future.join(answers).mapEmpty();
    }

    private static boolean exists(Connection conn, String query, String... params) throws SQLException {
        try (PreparedStatement select = conn.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                select.setString(i + 1, params[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void update(Connection conn, String query, String param) throws SQLException {
        try (PreparedStatement update = conn.prepareStatement(query)) {
            update.setString(1, param);
            update.executeUpdate();
        }
    }

    private static void auditJdbc(Connection conn, String tenant, String actor, String action, String detail, String address)
            throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement(
                "insert into platform.audit (tenant_code, actor, action, detail, address) values (?, ?, ?, ?, ?)")) {
            insert.setString(1, tenant);
            insert.setString(2, actor);
            insert.setString(3, action);
            insert.setString(4, detail);
            insert.setString(5, address);
            insert.executeUpdate();
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
