package fr.education.imagin.missions;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;

/**
 * The office's count of people a mission needs ("intervenants requis"), set for a whole session
 * at once: missions generated from an import arrive without one, and setting hundreds by hand
 * would stall a campaign. Only missions without a count and without commissions get one
 * (a commission already asks one examiner); a count set by hand is never overwritten.
 */
public final class MissionNeeds {

    public static final int CANDIDATS_MAX = 9999;

    private final TenantSql sql;
    private final AuditTrail audit;

    public MissionNeeds(TenantSql sql, AuditTrail audit) {
        this.sql = sql;
        this.audit = audit;
    }

    /** One person per {@code candidatsParIntervenant} expected candidates (at least one); the missions changed. */
    public Future<Integer> parDefaut(Tenant tenant, String actor, String address, long sessionId, int candidatsParIntervenant) {
        if (candidatsParIntervenant < 1 || candidatsParIntervenant > CANDIDATS_MAX) {
            return Future.failedFuture(new IllegalArgumentException("candidatsParIntervenant out of range"));
        }
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        update mission m set intervenants_requis = greatest(1, ceil(m.candidats_attendus::numeric / $2)::int)
                        where m.session_id = $1 and m.intervenants_requis is null
                          and not exists (select 1 from commission c where c.mission_id = m.id)""")
                .execute(Tuple.of(sessionId, candidatsParIntervenant))
                .compose(rows -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "MISSIONS_BESOIN_FIXE",
                        "session=" + sessionId + " candidats_par_intervenant=" + candidatsParIntervenant + " missions=" + rows.rowCount(),
                        address)).map(v -> rows.rowCount())));
    }
}
