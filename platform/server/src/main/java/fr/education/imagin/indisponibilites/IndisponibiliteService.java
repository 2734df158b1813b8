package fr.education.imagin.indisponibilites;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.mail.MailOutbox;
import fr.education.imagin.core.mail.OutgoingMail;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unavailabilities of the establishment's staff (INDISPO-1…3): read, add, delete. Every
 * query is scoped to the user's establishment (principal or secondary workplace) in SQL, and
 * every write is one transaction with its audit entry and, for an addition, the mails to the
 * managers of the exams whose affectations the new period overlaps.
 */
final class IndisponibiliteService {

    /** Who declares: the establishment acting, and who and from where, for the audit trail. */
    record Declarant(String uai, String nomEtablissement, String login, String adresse) {
    }

    record Personnel(long id, String civilite, String nom, String prenom, LocalDate dateNaissance, String discipline) {
        String identite() {
            return civilite + " " + nom + " " + prenom;
        }
    }

    record Indisponibilite(long id, LocalDateTime debut, LocalDateTime fin, String motif, String origine,
                           boolean supprimable) {
    }

    record Fiche(Personnel personnel, List<Indisponibilite> indisponibilites) {
    }

    /** One affectation the new period overlaps, and who manages its exam. */
    record MissionConcernee(String numero, String typeMission, String examen, String session, String epreuve,
                            String centre, LocalDate dateDebut, LocalDate dateFin, String gestionnaire) {
    }

    record Ajout(long id, List<MissionConcernee> missions, int mails) {
    }

    enum Suppression { SUPPRIMEE, REFUSEE, INTROUVABLE }

    /** Only someone who works at {@code $2}: another establishment's staff are not found. */
    private static final String FIND_PERSONNEL = """
            select p.id, p.civilite, p.nom, p.prenom, p.date_naissance, p.discipline_poste
            from personnel p
            where p.id = $1
              and exists (select 1 from lieu_exercice le where le.personnel_id = p.id and le.uai = $2)""";

    private static final String LIST = """
            select id, debut, fin, motif, origine, declarant_uai
            from indisponibilite
            where personnel_id = $1
            order by debut desc, fin desc, id desc""";

    private static final String INSERT = """
            insert into indisponibilite (personnel_id, debut, fin, motif, origine, declarant_uai)
            values ($1, $2, $3, $4, 'ETABLISSEMENT', $5)
            returning id""";

    /**
     * The person's affectations overlapping [$2, $3): by their créneaux (day + hours) when the
     * affectation has some, otherwise by the mission's days (whole days, the last one included).
     * Periods touching end to start do not overlap. $4: the manager when the exam names none.
     */
    private static final String OVERLAPS = """
            select m.numero, tm.libelle as type_mission, x.code || ' ' || x.sigle as examen, s.libelle as session,
                   coalesce(eo.code || ' ' || eo.libelle, '') as epreuve, e.nom || ' (' || e.uai || ')' as centre,
                   m.date_debut, m.date_fin,
                   coalesce(nullif(btrim(x.gestionnaire_mail), ''), $4) as gestionnaire
            from affectation a
            join mission m on m.id = a.mission_id
            join type_mission tm on tm.code = m.type_code
            join session_examen s on s.id = m.session_id
            join examen x on x.code = s.examen_code
            join etablissement e on e.uai = m.centre_uai
            left join epreuve_option eo on eo.id = m.epreuve_option_id
            where a.personnel_id = $1
              and case when exists (select 1 from affectation_creneau c where c.affectation_id = a.id)
                       then exists (select 1 from affectation_creneau c
                                    where c.affectation_id = a.id
                                      and c.jour + c.heure_debut < $3 and c.jour + c.heure_fin > $2)
                       else m.date_debut < $3 and m.date_fin + 1 > $2
                  end
            order by gestionnaire, m.date_debut, m.numero""";

    private static final String DELETE = """
            delete from indisponibilite
            where id = $1 and personnel_id = $2 and origine = 'ETABLISSEMENT' and declarant_uai = $3
            returning debut, fin, motif""";

    private final TenantSql sql;
    private final AuditTrail audit;
    private final MailOutbox outbox;

    IndisponibiliteService(TenantSql sql, AuditTrail audit, MailOutbox outbox) {
        this.sql = sql;
        this.audit = audit;
        this.outbox = outbox;
    }

    Future<Optional<Personnel>> personnel(Tenant tenant, String uai, long id) {
        return sql.inTenant(tenant, conn -> personnel(conn, uai, id));
    }

    /** The person and their unavailabilities, newest first; empty when not staff of {@code uai}. */
    Future<Optional<Fiche>> fiche(Tenant tenant, String uai, long id) {
        return sql.inTenant(tenant, conn -> personnel(conn, uai, id).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(Optional.<Fiche>empty());
            }
            return conn.preparedQuery(LIST).execute(Tuple.of(id)).map(rows -> {
                List<Indisponibilite> list = new ArrayList<>();
                for (Row row : rows) {
                    list.add(new Indisponibilite(row.getLong("id"), row.getLocalDateTime("debut"), row.getLocalDateTime("fin"),
                            row.getString("motif"), row.getString("origine"),
                            "ETABLISSEMENT".equals(row.getString("origine")) && uai.equals(row.getString("declarant_uai"))));
                }
                return Optional.of(new Fiche(found.get(), List.copyOf(list)));
            });
        }));
    }

    /**
     * Adds the period declared by the establishment, queues one mail per manager of the exams
     * whose affectations it overlaps, and audits it: all or nothing. Empty when the person is
     * not staff of the declaring establishment.
     */
    Future<Optional<Ajout>> ajouter(Tenant tenant, Declarant declarant, long personnelId, SaisieIndisponibilite.Periode periode) {
        return sql.inTenant(tenant, conn -> personnel(conn, declarant.uai(), personnelId).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(Optional.<Ajout>empty());
            }
            Personnel personnel = found.get();
            return conn.preparedQuery(INSERT)
                    .execute(Tuple.of(personnelId, periode.debut(), periode.fin(), periode.motif(), declarant.uai()))
                    .map(rows -> rows.iterator().next().getLong("id"))
                    .compose(id -> conn.preparedQuery(OVERLAPS)
                            .execute(Tuple.of(personnelId, periode.debut(), periode.fin(), tenant.contactMail()))
                            .compose(rows -> {
                                List<MissionConcernee> missions = missions(rows);
                                List<OutgoingMail> mails = Mails.parGestionnaire(tenant, declarant, personnel, periode, missions);
                                return outbox.enqueueAll(conn, mails).compose(done -> audit.record(conn, new AuditTrail.Entry(tenant.code(),
                                                declarant.login(), "INDISPONIBILITE_AJOUTEE",
                                                "indisponibilite=" + id + " personnel=" + personnelId + " uai=" + declarant.uai()
                                                        + " du " + FrenchFormats.dateTime(periode.debut())
                                                        + " au " + FrenchFormats.dateTime(periode.fin())
                                                        + " mails=" + mails.size(), declarant.adresse())))
                                        .map(done -> Optional.of(new Ajout(id, missions, mails.size())));
                            }));
        }));
    }

    /** Deletes only a period this establishment declared itself (INDISPO-2), audited. */
    Future<Suppression> supprimer(Tenant tenant, Declarant declarant, long personnelId, long indisponibiliteId) {
        return sql.inTenant(tenant, conn -> personnel(conn, declarant.uai(), personnelId).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(Suppression.INTROUVABLE);
            }
            return conn.preparedQuery(DELETE).execute(Tuple.of(indisponibiliteId, personnelId, declarant.uai()))
                    .compose(rows -> {
                        if (rows.rowCount() == 0) {
                            return Future.succeededFuture(Suppression.REFUSEE);
                        }
                        Row row = rows.iterator().next();
                        return audit.record(conn, new AuditTrail.Entry(tenant.code(), declarant.login(),
                                        "INDISPONIBILITE_SUPPRIMEE", "indisponibilite=" + indisponibiliteId
                                        + " personnel=" + personnelId + " uai=" + declarant.uai()
                                        + " du " + FrenchFormats.dateTime(row.getLocalDateTime("debut"))
                                        + " au " + FrenchFormats.dateTime(row.getLocalDateTime("fin")), declarant.adresse()))
                                .map(done -> Suppression.SUPPRIMEE);
                    });
        }));
    }

    private static Future<Optional<Personnel>> personnel(SqlConnection conn, String uai, long id) {
        return conn.preparedQuery(FIND_PERSONNEL).execute(Tuple.of(id, uai)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new Personnel(row.getLong("id"), row.getString("civilite"), row.getString("nom"),
                    row.getString("prenom"), row.getLocalDate("date_naissance"), row.getString("discipline_poste")));
        });
    }

    private static List<MissionConcernee> missions(RowSet<Row> rows) {
        List<MissionConcernee> missions = new ArrayList<>();
        for (Row row : rows) {
            missions.add(new MissionConcernee(row.getString("numero"), row.getString("type_mission"), row.getString("examen"),
                    row.getString("session"), row.getString("epreuve"), row.getString("centre"),
                    row.getLocalDate("date_debut"), row.getLocalDate("date_fin"), row.getString("gestionnaire")));
        }
        return missions;
    }

    /** Groups the missions by manager, in the order found. */
    static Map<String, List<MissionConcernee>> parGestionnaire(List<MissionConcernee> missions) {
        Map<String, List<MissionConcernee>> grouped = new LinkedHashMap<>();
        for (MissionConcernee m : missions) {
            grouped.computeIfAbsent(m.gestionnaire().strip().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(m);
        }
        return grouped;
    }
}
