package fr.education.imagin.core.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/** Flyway over HikariCP: the {@code platform} schema, then one schema per tenant. */
public final class Migrations {

    public static final String PLATFORM_SCHEMA = "platform";
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private final DataSource dataSource;

    public Migrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void migratePlatform() {
        migrate(PLATFORM_SCHEMA, "classpath:db/platform");
    }

    /** Creates the tenant's schema when missing and brings it to the latest version. */
    public void migrateTenant(String schema) {
        migrate(schema, "classpath:db/tenant");
    }

    private void migrate(String schema, String location) {
        long started = System.nanoTime();
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations(location)
                .loggers("slf4j")
                .load()
                .migrate();
        LOG.atInfo().addKeyValue("schema", schema)
                .addKeyValue("applied", result.migrationsExecuted)
                .addKeyValue("version", result.targetSchemaVersion)
                .addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
                .log("schema migrated");
    }
}
