package fr.education.imagin.core.config;

/**
 * Every configuration key the platform reads, with its default. A key is read from the YAML
 * file (nested form: {@code http: { port: 8080 }}), then from the environment variable
 * {@link #envName()}, then from a {@code -Dimagin.<key>} system property: the last one found wins.
 */
public enum Setting {
    HTTP_HOST("http.host", "0.0.0.0", "address the HTTP server listens on"),
    HTTP_PORT("http.port", "8080", "HTTP port"),
    PUBLIC_URL("http.public-url", "", "external URL of this member (defaults to http://localhost:<port>)"),
    CLUSTER_NAME("cluster.name", "imagin", "Hazelcast cluster name; members with another name never join"),
    CLUSTER_HOST("cluster.host", "127.0.0.1", "address this member binds for cluster traffic"),
    CLUSTER_PORT("cluster.port", "5701", "cluster port of this member"),
    CLUSTER_MEMBERS("cluster.members", "127.0.0.1:5701", "comma-separated host:port list of the members (TCP/IP join, multicast off)"),
    DB_URL("db.url", "", "JDBC URL of PostgreSQL; empty = start an embedded PostgreSQL"),
    DB_USER("db.user", "postgres", "database user"),
    DB_PASSWORD("db.password", "", "database password"),
    DB_POOL_SIZE("db.pool-size", "8", "connections of the request-path pool (shared by every tenant)"),
    EMBEDDED_DB_DIR("embedded-db.dir", ".imagin/pgdata", "data folder of the embedded PostgreSQL"),
    EMBEDDED_DB_PORT("embedded-db.port", "54329", "port of the embedded PostgreSQL"),
    TENANTS_DIR("tenants.dir", "tenants", "folder of the tenant files that seed the registry at first start"),
    PLUGINS_DIR("plugins.dir", "plugins/dist", "folder of the plugin jars"),
    DEMO("demo.enabled", "false", "fill the demo académies with generated data and create the demo accounts"),
    SESSION_TIMEOUT_MINUTES("session.timeout-minutes", "30", "inactivity timeout of a session"),
    SESSION_WARNING_SECONDS("session.warning-seconds", "300", "how long before the timeout the page offers to stay connected"),
    BENCH_ROUTES("bench.enabled", "false", "serve the bare baseline page /bench/fortunes"),
    LOG_FORMAT("log.format", "text", "text or json"),
    KEYCLOAK_URL("keycloak.url", "", "Keycloak base URL; set, logins go through OpenID Connect (one realm per académie)"),
    KEYCLOAK_ADMIN_USER("keycloak.admin-user", "admin", "Keycloak administrator used to provision tenants"),
    KEYCLOAK_ADMIN_PASSWORD("keycloak.admin-password", "", "its password"),
    KEYCLOAK_CLIENT_SECRET("keycloak.client-secret", "", "secret of the confidential client 'imagin' in every realm"),
    MAIL_SMTP_HOST("mail.smtp.host", "", "SMTP server that delivers the outbox; empty = no delivery (mails stay queued)"),
    MAIL_SMTP_PORT("mail.smtp.port", "25", "its port"),
    MAIL_SMTP_TLS("mail.smtp.tls", "starttls", "none, starttls (required) or tls (implicit TLS, usually port 465)"),
    MAIL_SMTP_USER("mail.smtp.user", "", "SMTP login; empty = no authentication"),
    MAIL_SMTP_PASSWORD("mail.smtp.password", "", "its password"),
    MAIL_FROM("mail.from", "", "sender address; empty = the académie's contact address"),
    AFFECTATION_MAX_SECONDS("affectation.max-seconds", "120", "longest search of an automatic affectation"),
    AFFECTATION_UNIMPROVED_SECONDS("affectation.unimproved-seconds", "20",
            "an automatic affectation stops earlier once its best proposal has not improved for this long");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** {@code http.pool-size} → {@code IMAGIN_HTTP_POOL_SIZE}. */
    public String envName() {
        return "IMAGIN_" + key.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
