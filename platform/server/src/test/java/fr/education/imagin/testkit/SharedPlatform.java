package fr.education.imagin.testkit;

import fr.education.imagin.Platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One real platform with the demo académies for every browser and screen test of the JVM:
 * starting one (database, cluster, demo data) costs seconds the 2-core machines would pay per
 * class. Tests that change data change only rows they create themselves.
 */
public final class SharedPlatform {

    private static Platform platform;
    private static String jdbcUrl;
    /** A start that failed fails every later test at once instead of being tried again. */
    private static RuntimeException failure;

    private SharedPlatform() {
    }

    public static synchronized Platform get() {
        if (failure != null) {
            throw new IllegalStateException("the shared test platform did not start", failure);
        }
        if (platform == null) {
            try {
                jdbcUrl = TestPostgres.newDatabase();
                platform = TestPlatform.start(TestPlatform.settings(jdbcUrl));
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

    /** A JDBC connection to the platform's database (user postgres), for arranging data. */
    public static Connection jdbc() throws SQLException {
        get();
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}
