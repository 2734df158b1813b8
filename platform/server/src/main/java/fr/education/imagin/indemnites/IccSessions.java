package fr.education.imagin.indemnites;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.frais.FraisService;
import fr.education.imagin.plugin.api.IccPeriode;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which exam sessions an ICC is entered for (ICC-1): those of an exam an enabled scheme covers
 * ({@link IccService#covers}) where the establishment holds at least one mission, i.e. is a
 * centre; with the statut and suivi of each period's saisie. Also the académie's saisies, for
 * the academy office.
 */
final class IccSessions {

    /** An exam session; its libellé reads as the guide lists it: "470, BCG, 2022 ,BGT 2022". */
    record Session(long id, String examCode, String sigle, int annee, String libelle) {
        String titre() {
            return libelle;
        }
    }

    /** A period's saisie as the lists show it: {@code statut} SAISIE or TRANSMIS, {@code suivi} null until transmitted. */
    record Etat(String statut, String suivi) {
    }

    /** One line of the centre's list: a session and the saisies of its periods. */
    record Ligne(Session session, Map<IccPeriode, Etat> etats) {
    }

    /** One saisie of the académie, for the office. */
    record SaisieAcademie(long id, String uai, String etablissement, Session session, IccPeriode periode, Etat etat,
                          BigDecimal montantGlobal, String prerempliPar) {
    }

    private static final String SESSION_COLUMNS = "se.id as session_id, se.examen_code, x.sigle, se.annee, se.libelle";
    private static final String IS_CENTRE = "exists (select 1 from mission m where m.session_id = se.id and m.centre_uai = $1)";

    private final TenantSql sql;
    private final IccService icc;

    IccSessions(TenantSql sql, IccService icc) {
        this.sql = sql;
        this.icc = icc;
    }

    IccService icc() {
        return icc;
    }

    /** The centre's sessions of the given years, newest first, with their saisies. */
    Future<List<Ligne>> duCentre(Tenant tenant, String uai, Set<Integer> annees) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("select " + SESSION_COLUMNS + """
                        , s.periode, s.statut, (%s) as suivi
                        from session_examen se join examen x on x.code = se.examen_code
                        left join icc_saisie s on s.session_id = se.id and s.uai = $1
                        where se.annee = any($2) and %s
                        order by se.annee desc, se.examen_code desc, se.libelle""".formatted(FraisService.SUIVI_ICC, IS_CENTRE))
                .execute(Tuple.of(uai, (Object) annees.toArray(new Integer[0])))).map(rows -> {
            Map<Long, Ligne> lignes = new LinkedHashMap<>();
            for (Row row : rows) {
                Session session = session(row);
                if (!icc.covers(tenant, session.examCode())) {
                    continue;
                }
                Ligne ligne = lignes.computeIfAbsent(session.id(), id -> new Ligne(session, new EnumMap<>(IccPeriode.class)));
                etat(row).ifPresent(e -> ligne.etats().put(IccPeriode.valueOf(row.getString("periode")), e));
            }
            return List.copyOf(lignes.values());
        });
    }

    /** The session if the establishment is one of its centres and a scheme covers its exam; else empty. */
    Future<Optional<Session>> duCentre(Tenant tenant, String uai, long sessionId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("select " + SESSION_COLUMNS + """
                         from session_examen se join examen x on x.code = se.examen_code
                        where se.id = $2 and\s""" + IS_CENTRE).execute(Tuple.of(uai, sessionId)))
                .map(rows -> rows.size() == 1 ? Optional.of(session(rows.iterator().next())) : Optional.<Session>empty())
                .map(found -> found.filter(s -> icc.covers(tenant, s.examCode())));
    }

    /** The sessions of the given years a scheme covers, for the office's prefill. */
    Future<List<Session>> couvertes(Tenant tenant, Set<Integer> annees) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("select " + SESSION_COLUMNS + """
                         from session_examen se join examen x on x.code = se.examen_code
                        where se.annee = any($1) order by se.annee desc, se.examen_code desc""")
                .execute(Tuple.of((Object) annees.toArray(new Integer[0])))).map(rows -> {
            List<Session> list = new ArrayList<>();
            rows.forEach(r -> list.add(session(r)));
            return list.stream().filter(s -> icc.covers(tenant, s.examCode())).toList();
        });
    }

    /** Every saisie of the académie, newest session first. */
    Future<List<SaisieAcademie>> academie(Tenant tenant) {
        return sql.inTenant(tenant, conn -> conn.query("select " + SESSION_COLUMNS + """
                        , s.id, s.uai, e.nom, s.periode, s.statut, (%s) as suivi, s.montant_global, s.prerempli_par
                        from icc_saisie s join session_examen se on se.id = s.session_id
                        join examen x on x.code = se.examen_code join etablissement e on e.uai = s.uai
                        order by se.annee desc, e.nom, se.examen_code, s.periode""".formatted(FraisService.SUIVI_ICC)).execute())
                .map(rows -> {
                    List<SaisieAcademie> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new SaisieAcademie(r.getLong("id"), r.getString("uai"), r.getString("nom"), session(r),
                                IccPeriode.valueOf(r.getString("periode")), etat(r).orElseThrow(),
                                r.getBigDecimal("montant_global"), r.getString("prerempli_par")));
                    }
                    return list;
                });
    }

    private static Session session(Row r) {
        return new Session(r.getLong("session_id"), r.getString("examen_code"), r.getString("sigle"), r.getInteger("annee"),
                r.getString("libelle"));
    }

    /** A left-joined missing saisie has no statut (its computed suivi means nothing). */
    private static Optional<Etat> etat(Row r) {
        String statut = r.getString("statut");
        return statut == null ? Optional.empty() : Optional.of(new Etat(statut, r.getString("suivi")));
    }
}
