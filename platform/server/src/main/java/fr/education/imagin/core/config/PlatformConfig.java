package fr.education.imagin.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The platform's whole configuration, as plain records built once at start. */
public record PlatformConfig(
        Http http,
        Cluster cluster,
        Database database,
        Path tenantsDir,
        Path pluginsDir,
        boolean demo,
        Duration sessionTimeout,
        Duration sessionWarning,
        boolean benchRoutes,
        String logFormat,
        Keycloak keycloak,
        Mail mail,
        Affectation affectation) {

    /** How long the office's automatic affectation searches (issue #15). */
    public record Affectation(Duration maxDuration, Duration unimproved) {
        public Affectation {
            if (maxDuration.isNegative() || maxDuration.isZero() || unimproved.isNegative() || unimproved.isZero()) {
                throw new IllegalArgumentException("affectation.max-seconds and affectation.unimproved-seconds must be positive");
            }
        }
    }

    public record Http(String host, int port, String publicUrl) {
    }

    /** Hazelcast TCP/IP join: every member lists the others; multicast stays off. */
    public record Cluster(String name, String host, int port, List<String> members) {
    }

    /** {@code jdbcUrl} empty means the platform provides an embedded PostgreSQL itself. */
    public record Database(String jdbcUrl, String user, String password, int poolSize,
                           Path embeddedDir, int embeddedPort) {
        public boolean embedded() {
            return jdbcUrl.isEmpty();
        }

        public Database withJdbc(String url, String user, String password) {
            return new Database(url, user, password, poolSize, embeddedDir, embeddedPort);
        }
    }

    /** OpenID Connect through Keycloak, one realm {@code imagin-<tenant>} per académie; off when url is empty. */
    public record Keycloak(String url, String adminUser, String adminPassword, String clientSecret) {
        public static final String CLIENT_ID = "imagin";

        public Keycloak {
            url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            if (!url.isEmpty() && (clientSecret.isEmpty() || adminPassword.isEmpty())) {
                throw new IllegalArgumentException("keycloak.url is set: keycloak.client-secret and keycloak.admin-password are required too");
            }
        }

        public boolean enabled() {
            return !url.isEmpty();
        }

        public String realm(String tenantCode) {
            return "imagin-" + tenantCode;
        }
    }

    /** How mails leave the outbox; {@code host} empty = no delivery, mails stay queued. */
    public record Mail(String host, int port, Tls tls, String user, String password, String from) {
        public enum Tls { NONE, STARTTLS, TLS }

        public Mail {
            if (!from.isEmpty() && !from.contains("@")) {
                throw new IllegalArgumentException("mail.from must be a mail address, got '" + from + "'");
            }
        }

        public boolean enabled() {
            return !host.isEmpty();
        }

        public static Tls tls(String raw) {
            return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
                case "none" -> Tls.NONE;
                case "starttls" -> Tls.STARTTLS;
                case "tls" -> Tls.TLS;
                default -> throw new IllegalArgumentException("mail.smtp.tls must be none, starttls or tls, got '" + raw + "'");
            };
        }
    }

    public static PlatformConfig from(ConfigSource source) {
        int port = source.getInt(Setting.HTTP_PORT);
        String publicUrl = source.get(Setting.PUBLIC_URL).isEmpty()
                ? "http://localhost:" + port : source.get(Setting.PUBLIC_URL);
        List<String> members = Arrays.stream(source.get(Setting.CLUSTER_MEMBERS).split(","))
                .map(String::trim).filter(m -> !m.isEmpty()).toList();
        int sessionMinutes = source.getInt(Setting.SESSION_TIMEOUT_MINUTES);
        if (sessionMinutes < 1) {
            throw new IllegalArgumentException(Setting.SESSION_TIMEOUT_MINUTES.key() + " must be at least 1");
        }
        return new PlatformConfig(
                new Http(source.get(Setting.HTTP_HOST), port, publicUrl),
                new Cluster(source.get(Setting.CLUSTER_NAME), source.get(Setting.CLUSTER_HOST),
                        source.getInt(Setting.CLUSTER_PORT), members),
                new Database(source.get(Setting.DB_URL), source.get(Setting.DB_USER), source.get(Setting.DB_PASSWORD),
                        source.getInt(Setting.DB_POOL_SIZE), Path.of(source.get(Setting.EMBEDDED_DB_DIR)),
                        source.getInt(Setting.EMBEDDED_DB_PORT)),
                Path.of(source.get(Setting.TENANTS_DIR)),
                Path.of(source.get(Setting.PLUGINS_DIR)),
                source.getBoolean(Setting.DEMO),
                Duration.ofMinutes(sessionMinutes),
                Duration.ofSeconds(source.getInt(Setting.SESSION_WARNING_SECONDS)),
                source.getBoolean(Setting.BENCH_ROUTES),
                source.get(Setting.LOG_FORMAT),
                new Keycloak(source.get(Setting.KEYCLOAK_URL), source.get(Setting.KEYCLOAK_ADMIN_USER),
                        source.get(Setting.KEYCLOAK_ADMIN_PASSWORD), source.get(Setting.KEYCLOAK_CLIENT_SECRET)),
                new Mail(source.get(Setting.MAIL_SMTP_HOST), source.getInt(Setting.MAIL_SMTP_PORT),
                        Mail.tls(source.get(Setting.MAIL_SMTP_TLS)), source.get(Setting.MAIL_SMTP_USER),
                        source.get(Setting.MAIL_SMTP_PASSWORD), source.get(Setting.MAIL_FROM)),
                new Affectation(Duration.ofSeconds(source.getInt(Setting.AFFECTATION_MAX_SECONDS)),
                        Duration.ofSeconds(source.getInt(Setting.AFFECTATION_UNIMPROVED_SECONDS))));
    }

    public PlatformConfig withDatabase(Database database) {
        return new PlatformConfig(http, cluster, database, tenantsDir, pluginsDir, demo, sessionTimeout, sessionWarning, benchRoutes, logFormat, keycloak, mail,
                affectation);
    }
}
