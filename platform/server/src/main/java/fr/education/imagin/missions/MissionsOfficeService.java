package fr.education.imagin.missions;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One mission as the academy office reads and sets it (GEST-1, CONV-1, EC-6): its recap, the
 * people designated on it, and what the office decides: its dates, its observations, whether
 * the establishments convene to it, and withdrawing a designation nobody convened yet. Every
 * mission of the académie, whatever its centre. Convening the designated is the convocations'
 * business ({@code convocations.OfficeConvocationService}).
 */
final class MissionsOfficeService {

    static final int OBSERVATION_MAX = 500;
    static final int REQUIS_MAX = 9999;

    /** The mission's recap and the values the office may change. */
    record Mission(long id, String numero, String type, String session, String specialite, String epreuve, String centre,
                   LocalDate debut, LocalDate fin, int candidats, Integer requis, String observation,
                   String observationConvocation, boolean convocationEtablissement) {
    }

    /** @param designee the office designated the person and nobody convened them yet (statut AFFECTEE) */
    record Designation(long id, String nom, String prenom, String etablissement, String qualite, String statut, String auteur,
                       boolean designee) {
    }

    /** The outcome of "Retirer": done or not, and what the console says. */
    record Retrait(boolean fait, String message) {
    }

    /** What the office's form sends, already parsed. */
    record Changes(LocalDate debut, LocalDate fin, Integer requis, String observation, String observationConvocation,
                   boolean convocationEtablissement) {
    }

    /** A change refused, with the field to point at. */
    static final class Refusal extends RuntimeException {
        private final String field;

        Refusal(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private static final String FIND = "select m.id, m.numero, t.libelle as type, " + MissionService.SESSION + " as session, "
            + "coalesce(" + MissionService.SPECIALITE + ", '') as specialite, coalesce(" + MissionService.EPREUVE + ", '') as epreuve, "
            + """
            ce.uai || ' - ' || ce.nom || ' ' || ce.commune as centre, m.date_debut, m.date_fin, m.candidats_attendus,
                   m.intervenants_requis, m.observation, m.observation_convocation, m.convocation_etablissement
            from mission m
            join session_examen s on s.id = m.session_id
            join type_mission t on t.code = m.type_code
            join etablissement ce on ce.uai = m.centre_uai
            left join epreuve_option eo on eo.id = m.epreuve_option_id
            left join specialite sp on sp.id = eo.specialite_id
            where m.id = $1""";

    private static final String DESIGNATIONS = """
            select a.id, p.nom, p.prenom, coalesce(e.uai || ' - ' || e.nom, '') as etablissement, a.qualite, a.statut, a.auteur
            from affectation a
            join personnel p on p.id = a.personnel_id
            left join lieu_exercice le on le.personnel_id = p.id and le.principal
            left join etablissement e on e.uai = le.uai
            where a.mission_id = $1
            order by p.nom collate "fr-FR-x-icu", p.prenom collate "fr-FR-x-icu", a.id""";

    /** The first day someone is convened or a day the mission keeps that the new dates would leave out. */
    private static final String DAY_OUTSIDE = """
            select min(jour) as jour from (
                select k.jour from affectation_creneau k join affectation a on a.id = k.affectation_id where a.mission_id = $1
                union all select jour from mission_jour where mission_id = $1
                union all select jour from mission_creneau_convocation where mission_id = $1) d
            where jour < $2 or jour > $3""";

    /** Deletes a designation nobody convened yet; the person and the mission's number, for the audit and the console. */
    private static final String RETIRER = """
            with retiree as (delete from affectation where id = $1 and mission_id = $2 and statut = 'AFFECTEE' returning personnel_id)
            select r.personnel_id, p.nom, p.prenom, (select numero from mission where id = $2) as numero
            from retiree r join personnel p on p.id = r.personnel_id""";

    private final TenantSql sql;
    private final AuditTrail audit;

    MissionsOfficeService(TenantSql sql, AuditTrail audit) {
        this.sql = sql;
        this.audit = audit;
    }

    Future<Optional<Mission>> find(Tenant tenant, long id) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(FIND).execute(Tuple.of(id)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(mission(rows.iterator().next())));
    }

    Future<List<Designation>> designations(Tenant tenant, long id) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(DESIGNATIONS).execute(Tuple.of(id))).map(rows -> {
            List<Designation> list = new ArrayList<>();
            for (Row row : rows) {
                list.add(new Designation(row.getLong("id"), row.getString("nom"), row.getString("prenom"), row.getString("etablissement"),
                        row.getString("qualite"), statut(row.getString("statut")),
                        "CENTRE".equals(row.getString("auteur")) ? "Centre d'examen" : "Académie",
                        "AFFECTEE".equals(row.getString("statut"))));
            }
            return list;
        });
    }

    /**
     * Saves the office's decisions in one transaction, audited; fails with a {@link Refusal}
     * (nothing written) when the dates would leave out a day someone is convened to.
     */
    Future<Void> update(Tenant tenant, String actor, String address, long id, Changes changes) {
        if (changes.fin().isBefore(changes.debut())) {
            return Future.failedFuture(new Refusal("fin", "La date de fin ne peut pas précéder la date de début."));
        }
        if (changes.observation().length() > OBSERVATION_MAX || changes.observationConvocation().length() > OBSERVATION_MAX) {
            return Future.failedFuture(new Refusal(changes.observation().length() > OBSERVATION_MAX ? "observation"
                    : "observationConvocation", "Une observation ne peut dépasser " + OBSERVATION_MAX + " caractères."));
        }
        return sql.inTenant(tenant, conn -> conn.preparedQuery("select numero from mission where id = $1 for update")
                .execute(Tuple.of(id))
                .compose(locked -> locked.size() == 0 ? Future.failedFuture(new Refusal("", "Cette mission n'existe plus."))
                        : checkDays(conn, id, changes).compose(v -> write(conn, id, changes))
                        .compose(v -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "MISSION_MODIFIEE",
                                locked.iterator().next().getString("numero") + " : du " + FrenchFormats.date(changes.debut())
                                        + " au " + FrenchFormats.date(changes.fin()) + ", convocation par l'établissement "
                                        + (changes.convocationEtablissement() ? "oui" : "non"), address)))));
    }

    /**
     * "Retirer": deletes a designation of the mission nobody has convened yet (statut AFFECTEE),
     * audited in the same transaction. A convened person is not withdrawn from here, and a
     * designation already gone is said so; nothing is written then.
     */
    Future<Retrait> retirer(Tenant tenant, String actor, String address, long missionId, long affectationId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(RETIRER).execute(Tuple.of(affectationId, missionId)).compose(rows -> {
            if (rows.size() == 0) {
                return conn.preparedQuery("""
                                select p.nom, p.prenom from affectation a join personnel p on p.id = a.personnel_id
                                where a.id = $1 and a.mission_id = $2""")
                        .execute(Tuple.of(affectationId, missionId)).map(left -> new Retrait(false, left.size() == 0
                                ? "Cette désignation n'existe plus sur cette mission : rien n'a été retiré."
                                : left.iterator().next().getString("nom") + " " + left.iterator().next().getString("prenom")
                                + " est déjà convoqué(e) sur cette mission : seule une désignation pas encore convoquée peut être retirée."));
            }
            Row r = rows.iterator().next();
            String who = r.getString("nom") + " " + r.getString("prenom");
            return audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "DESIGNATION_RETIREE", "mission="
                            + r.getString("numero") + " affectation=" + affectationId + " personnel=" + r.getLong("personnel_id"), address))
                    .map(v -> new Retrait(true, who + " n'est plus désigné(e) sur la mission n° " + r.getString("numero") + "."));
        }));
    }

    private static Future<Void> checkDays(SqlConnection conn, long id, Changes changes) {
        return conn.preparedQuery(DAY_OUTSIDE).execute(Tuple.of(id, changes.debut(), changes.fin())).compose(rows -> {
            LocalDate outside = rows.iterator().next().getLocalDate("jour");
            return outside == null ? Future.succeededFuture() : Future.failedFuture(new Refusal("debut",
                    "La mission a des convocations ou des jours le " + FrenchFormats.date(outside)
                            + ", en dehors de ces dates : modifiez-les d'abord, aucune date n'a été changée."));
        });
    }

    private static Future<Void> write(SqlConnection conn, long id, Changes changes) {
        return conn.preparedQuery("""
                        update mission set date_debut = $2, date_fin = $3, observation = $4, observation_convocation = $5,
                               convocation_etablissement = $6, intervenants_requis = $7
                        where id = $1""")
                .execute(Tuple.of(id, changes.debut(), changes.fin(), changes.observation(), changes.observationConvocation(),
                        changes.convocationEtablissement(), changes.requis()))
                .mapEmpty();
    }

    private static Mission mission(Row row) {
        return new Mission(row.getLong("id"), row.getString("numero"), row.getString("type"), row.getString("session"),
                row.getString("specialite"), row.getString("epreuve"), row.getString("centre"),
                row.getLocalDate("date_debut"), row.getLocalDate("date_fin"), row.getInteger("candidats_attendus"),
                row.getInteger("intervenants_requis"), row.getString("observation"), row.getString("observation_convocation"),
                row.getBoolean("convocation_etablissement"));
    }

    private static String statut(String code) {
        return switch (code) {
            case "AFFECTEE" -> "Désigné";
            case "CONVOQUEE" -> "Convoqué";
            case "CONVOQUEE_PAR_CENTRE" -> "Convoqué par le centre";
            default -> code;
        };
    }
}
