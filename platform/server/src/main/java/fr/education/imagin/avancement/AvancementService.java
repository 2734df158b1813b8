package fr.education.imagin.avancement;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * The overview above "Avancement de l'affectation": per exam of the chosen session years, how far
 * designation, convocation and the constat de service fait have gone against the need.
 */
final class AvancementService {

    /** One exam's totals; {@code requis} counts only the missions whose need the office set. */
    record Examen(String examen, long missions, long sansBesoin, long requis, long designes, long convoques, long constates) {

        /** Convened as a share of the need, 0 to 100; 0 when no need is set. */
        int pourcentConvoques() {
            return requis == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * convoques / requis));
        }
    }

    /**
     * Per exam, the missions of the years {@code $1} and their affectations. It reads every
     * affectation of those years (about 120,000 a year on the large --scale académie): a count per
     * mission through the affectation index; a join over all affectations (hash join, parallel
     * sequential scan) was measured no faster and takes more cores.
     */
    private static final String PAR_EXAMEN = """
            select x.code || ', ' || x.sigle || ' - ' || x.libelle as examen, count(*) as missions,
                   count(*) filter (where m.intervenants_requis is null) as sans_besoin,
                   coalesce(sum(m.intervenants_requis), 0) as requis, coalesce(sum(nb.designes), 0) as designes,
                   coalesce(sum(nb.convoques), 0) as convoques, coalesce(sum(nb.constates), 0) as constates
            from mission m
            join session_examen s on s.id = m.session_id
            join examen x on x.code = s.examen_code
            left join lateral (
                select count(*) as designes,
                       count(*) filter (where a.statut in %s) as convoques,
                       count(sf.affectation_id) filter (where sf.fait) as constates
                from affectation a left join service_fait sf on sf.affectation_id = a.id
                where a.mission_id = m.id) nb on true
            where s.annee = any($1)
            group by x.code, x.sigle, x.libelle
            order by x.code""".formatted(AvancementList.CONVOQUEE);

    private final TenantSql sql;

    AvancementService(TenantSql sql) {
        this.sql = sql;
    }

    Future<List<Examen>> parExamen(Tenant tenant, List<Integer> annees) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(PAR_EXAMEN).execute(Tuple.of(annees.toArray(Integer[]::new))))
                .map(rows -> {
                    List<Examen> examens = new ArrayList<>();
                    for (Row row : rows) {
                        examens.add(new Examen(row.getString("examen"), row.getLong("missions"), row.getLong("sans_besoin"),
                                row.getLong("requis"), row.getLong("designes"), row.getLong("convoques"), row.getLong("constates")));
                    }
                    return examens;
                });
    }
}
