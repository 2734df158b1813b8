package fr.education.imagin.core.db;

import fr.education.imagin.core.config.PlatformConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The embedded default's database: a real PostgreSQL 17 run from the zonky binaries, its data
 * kept in {@code embedded-db.dir} so a restart finds the académies as they were left.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    public static EmbeddedPostgres start(PlatformConfig.Database config) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(config.embeddedDir());
            var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(config.embeddedDir())
                    .setCleanDataDirectory(false)
                    .setPort(config.embeddedPort())
                    .start();
            LOG.atInfo().addKeyValue("dir", config.embeddedDir().toAbsolutePath())
                    .addKeyValue("port", config.embeddedPort())
                    .addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
                    .log("embedded PostgreSQL started");
            return new EmbeddedPostgres(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start (set db.url to use another server)", e);
        }
    }

    public String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
