package fr.education.imagin.testkit;

import fr.education.imagin.Platform;
import fr.education.imagin.core.config.Setting;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * One real platform signing people in through the real {@link TestKeycloak}, shared by the
 * Keycloak test classes of the JVM: a second platform would reconcile the same realms to its own
 * URL. Started on first use, closed at exit.
 */
public final class KeycloakPlatform {

    public static final String CLIENT_SECRET = "secret-of-the-tests";

    private static Platform platform;
    private static Map<Setting, String> settings;
    private static RuntimeException failure;
    private static Keycloak admin;

    private KeycloakPlatform() {
    }

    public static synchronized Platform get() {
        if (failure != null) {
            throw new IllegalStateException("the Keycloak test platform did not start", failure);
        }
        if (platform == null) {
            try {
                String keycloak = TestKeycloak.url();
                settings = TestPlatform.settings(TestPostgres.newDatabase());
                settings.put(Setting.PUBLIC_URL, "http://127.0.0.1:" + settings.get(Setting.HTTP_PORT));
                settings.put(Setting.KEYCLOAK_URL, keycloak);
                settings.put(Setting.KEYCLOAK_ADMIN_USER, TestKeycloak.ADMIN);
                settings.put(Setting.KEYCLOAK_ADMIN_PASSWORD, TestKeycloak.ADMIN_PASSWORD);
                settings.put(Setting.KEYCLOAK_CLIENT_SECRET, CLIENT_SECRET);
                platform = TestPlatform.start(settings);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            Platform started = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return platform;
    }

    public static String baseUrl() {
        return TestPlatform.baseUrl(get());
    }

    /** The platform's public URL, which the realms' redirect URIs are built from. */
    public static String publicUrl() {
        get();
        return settings.get(Setting.PUBLIC_URL);
    }

    /** Keycloak's admin client (master realm), to read and change what the platform provisioned. */
    public static synchronized Keycloak admin() {
        if (admin == null) {
            admin = KeycloakBuilder.builder().serverUrl(TestKeycloak.url()).realm("master").clientId("admin-cli")
                    .username(TestKeycloak.ADMIN).password(TestKeycloak.ADMIN_PASSWORD).build();
            Runtime.getRuntime().addShutdownHook(new Thread(admin::close));
        }
        return admin;
    }

    /** A JDBC connection to the platform's database (user postgres), to read the audit trail. */
    public static Connection jdbc() throws SQLException {
        get();
        return DriverManager.getConnection(settings.get(Setting.DB_URL), "postgres", "");
    }
}
