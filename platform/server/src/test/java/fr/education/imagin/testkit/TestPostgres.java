package fr.education.imagin.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM (started on first use, stopped at exit); each caller gets a
 * database of its own on it, so tests never see each other's data.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    /** A start that failed fails every later caller at once instead of being tried again. */
    private static IOException failure;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (failure != null) {
            throw new UncheckedIOException("test PostgreSQL did not start", failure);
        }
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                failure = e;
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

    /** Creates an empty database and returns its JDBC URL (user postgres, no password). */
    public static String newDatabase() {
        String name = "imagin_test_" + DATABASES.incrementAndGet();
        try (Connection conn = server().getPostgresDatabase().getConnection(); Statement st = conn.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
