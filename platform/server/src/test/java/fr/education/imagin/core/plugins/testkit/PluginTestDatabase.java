package fr.education.imagin.core.plugins.testkit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test kit's PostgreSQL: one embedded server per test JVM, a fresh database per platform.
 * It takes the first PostgreSQL binaries on the class path: a plugin module built in the same
 * reactor as the server sees them twice (through the server jar's {@code lib/} Class-Path and
 * through Maven), which zonky's default resolver refuses.
 */
final class PluginTestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PluginTestDatabase() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setPgBinaryResolver(PluginTestDatabase::firstBinaries).start();
            } catch (IOException e) {
                throw new UncheckedIOException("test PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return server;
    }

    private static InputStream firstBinaries(String system, String hardware) throws IOException {
        String name = ("postgres-" + system + "-" + hardware + ".txz").toLowerCase(Locale.ROOT);
        URL first = PluginTestDatabase.class.getClassLoader().getResource(name);
        return first != null ? first.openStream() : DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware);
    }

    /** An empty database; returns its JDBC URL (user postgres, no password). */
    static String newDatabase() {
        String name = "imagin_plugin_test_" + DATABASES.incrementAndGet();
        try (Connection conn = server().getPostgresDatabase().getConnection(); Statement st = conn.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
