package fr.education.imagin.core.audit;

import fr.education.imagin.core.db.TenantSql;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;

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

    /**
     * Records an act another system logged, at the time it logged it, once: {@code sourceEventId}
     * is that system's event id. Returns whether the entry is new.
     */
    public Future<Boolean> recordOnce(Entry entry, OffsetDateTime at, String sourceEventId) {
        return sql.inPlatform(conn -> conn.preparedQuery("""
                        insert into platform.audit (at, tenant_code, actor, action, detail, address, source_event_id)
                        values ($1, $2, $3, $4, $5, $6, $7) on conflict (source_event_id) do nothing""")
                .execute(Tuple.of(at, entry.tenantCode(), entry.actor(), entry.action(), entry.detail(), entry.address(),
                        sourceEventId))
                .map(rows -> rows.rowCount() == 1));
    }

    /** Records inside the caller's transaction. */
    public Future<Void> record(SqlConnection conn, Entry entry) {
        return conn.preparedQuery(INSERT)
                .execute(Tuple.of(entry.tenantCode(), entry.actor(), entry.action(), entry.detail(), entry.address()))
                .mapEmpty();
    }
}
