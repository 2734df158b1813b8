package fr.education.imagin.core.db;

import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.function.Function;

/**
 * Runs request-path SQL in one tenant's schema. The schema is bound as a parameter to
 * {@code set_config('search_path', $1, true)} inside a transaction: it never enters SQL text,
 * and it is reset at commit, so a pooled connection cannot leak one tenant's path to the next.
 */
public final class TenantSql {

    private static final String SET_PATH = "select set_config('search_path', $1, true)";

    private final Pool pool;

    public TenantSql(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} in a transaction whose search path is the tenant's schema. */
    public <T> Future<T> inTenant(Tenant tenant, Function<SqlConnection, Future<T>> work) {
        return inSchema(tenant.schemaName(), work);
    }

    /** Same, for platform-wide tables (tenant registry, accounts, centre registry). */
    public <T> Future<T> inPlatform(Function<SqlConnection, Future<T>> work) {
        return inSchema(Migrations.PLATFORM_SCHEMA, work);
    }

    private <T> Future<T> inSchema(String schema, Function<SqlConnection, Future<T>> work) {
        return pool.withTransaction(conn -> conn.preparedQuery(SET_PATH).execute(Tuple.of(schema))
                .compose(ignored -> work.apply(conn)));
    }
}
