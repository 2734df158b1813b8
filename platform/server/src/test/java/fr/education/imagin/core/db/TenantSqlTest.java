package fr.education.imagin.core.db;

import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.testkit.TestPostgres;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The request path reaches exactly one tenant's schema, and a pooled connection forgets it. */
class TenantSqlTest {

    private static Vertx vertx;
    private static Database database;
    private static TenantSql sql;
    private static final Tenant RENNES = new Tenant("rennes", "ACADEMIE DE RENNES", "a@b.fr", "", true);
    private static final Tenant NANTES = new Tenant("nantes", "ACADEMIE DE NANTES", "a@b.fr", "", true);

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        database = Database.connect(vertx, new PlatformConfig.Database(TestPostgres.newDatabase(), "postgres", "", 1,
                Path.of("unused"), 0));
        Migrations migrations = new Migrations(database.jdbc());
        migrations.migratePlatform();
        migrations.migrateTenant(RENNES.schemaName());
        migrations.migrateTenant(NANTES.schemaName());
    }

    @AfterAll
    static void stop() {
        database.close();
        vertx.close();
    }

    @Test
    void queriesRunInTheTenantSchemaOnly() throws Exception {
        await(sql().inTenant(RENNES, conn -> conn.query(
                "insert into etablissement (uai, nom, categorie, commune) values ('0350001A', 'COLLEGE A', 'COLLEGE', 'RENNES')").execute()));
        int inRennes = await(sql().inTenant(RENNES, conn -> conn.query("select count(*) from etablissement").execute()))
                .iterator().next().getInteger(0);
        int inNantes = await(sql().inTenant(NANTES, conn -> conn.query("select count(*) from etablissement").execute()))
                .iterator().next().getInteger(0);
        assertThat(inRennes).isEqualTo(1);
        assertThat(inNantes).isZero();
    }

    @Test
    void theSearchPathDoesNotOutliveTheTransaction() throws Exception {
        // Pool of one connection: the next borrower gets the very connection the tenant used.
        await(sql().inTenant(RENNES, conn -> conn.query("select 1").execute()));
        String path = await(database.pool().query("show search_path").execute()).iterator().next().getString(0);
        assertThat(path).doesNotContain("t_rennes");
    }

    private static TenantSql sql() {
        if (sql == null) {
            sql = new TenantSql(database.pool());
        }
        return sql;
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
