package fr.education.imagin.core.audit;

import fr.education.imagin.core.db.TenantSql;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * Appends to the platform-wide audit trail. Writes of an activity call {@link #record(SqlConnection, Entry)}
 * inside their own transaction, so the trail and the change commit or fail together.
 */
public final class AuditTrail {

    /** One audited act; {@code tenantCode} null for platform-level acts of a national admin. */
    public record Entry(String tenantCode, String actor, String action, String detail, String address) {
    }

    private static final String INSERT =
            "insert into platform.audit (tenant_code, actor, action, detail, address) values ($1, $2, $3, $4, $5)";

    private final TenantSql sql;

    public AuditTrail(TenantSql sql) {
        this.sql = sql;
    }

    /** Records in a transaction of its own (acts with no other write, such as a login). */
    public Future<Void> record(Entry entry) {
        return sql.inPlatform(conn -> record(conn, entry));
    }

    /** Records inside the caller's transaction. */
    public Future<Void> record(SqlConnection conn, Entry entry) {
        return conn.preparedQuery(INSERT)
                .execute(Tuple.of(entry.tenantCode(), entry.actor(), entry.action(), entry.detail(), entry.address()))
                .mapEmpty();
    }
}
