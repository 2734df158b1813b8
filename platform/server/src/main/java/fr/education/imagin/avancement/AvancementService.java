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
     * Per exam, the missions of the years {@code $1} and, apart, their affectations counted in one
     * pass (a join, not a count per mission).
     */
    private static final String PAR_EXAMEN = """
            select x.code || ', ' || x.sigle || ' - ' || x.libelle as examen, m.missions, m.sans_besoin, m.requis,
                   coalesce(a.designes, 0) as designes, coalesce(a.convoques, 0) as convoques, coalesce(a.constates, 0) as constates
            from examen x
            join (select s.examen_code, count(*) as missions, count(*) filter (where m.intervenants_requis is null) as sans_besoin,
                         coalesce(sum(m.intervenants_requis), 0) as requis
                  from mission m join session_examen s on s.id = m.session_id
                  where s.annee = any($1)
                  group by s.examen_code) m on m.examen_code = x.code
            left join (select s.examen_code, count(*) as designes,
                              count(*) filter (where a.statut in %1$s) as convoques,
                              count(sf.affectation_id) filter (where sf.fait) as constates
                       from affectation a
                       join mission m on m.id = a.mission_id
                       join session_examen s on s.id = m.session_id
                       left join service_fait sf on sf.affectation_id = a.id
                       where s.annee = any($1)
                       group by s.examen_code) a on a.examen_code = x.code
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
