package fr.education.imagin.missions;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Créer une mission" (GEST-2): a mission the registrations do not generate (a jury, a
 * surveillance, an oral the office organises), numbered like the generated ones, at an exam centre
 * of the académie, on a session of last year to next year. One transaction with its audit entry.
 */
final class MissionCreation {

    record Choix(String code, String libelle) {
    }

    /** What the form sends, typed; {@code epreuve} empty for a mission without épreuve. */
    record Demande(String type, long session, String epreuve, String centre, LocalDate debut, LocalDate fin, int candidats,
                   Integer requis) {
    }

    sealed interface Resultat {
        record Creee(long id, String numero) implements Resultat {
        }

        record Refusee(String champ, String message) implements Resultat {
        }
    }

    private final TenantSql sql;
    private final AuditTrail audit;

    MissionCreation(TenantSql sql, AuditTrail audit) {
        this.sql = sql;
        this.audit = audit;
    }

    /** The form's choices: mission types and the sessions of last year to next year. */
    Future<List<List<Choix>>> choix(Tenant tenant) {
        int year = Year.now().getValue();
        return sql.inTenant(tenant, conn -> conn.preparedQuery("select code, libelle from type_mission order by libelle").execute()
                .compose(types -> conn.preparedQuery("""
                                select id, libelle from session_examen where annee between $1 and $2 order by annee desc, examen_code""")
                        .execute(Tuple.of(year - 1, year + 1)).map(sessions -> {
                            List<Choix> t = new ArrayList<>();
                            types.forEach(r -> t.add(new Choix(r.getString(0), r.getString(1))));
                            List<Choix> s = new ArrayList<>();
                            sessions.forEach(r -> s.add(new Choix(String.valueOf(r.getLong(0)), r.getString(1))));
                            return List.of(t, s);
                        })));
    }

    Future<Resultat> creer(Tenant tenant, String actor, String address, Demande d) {
        if (d.fin().isBefore(d.debut())) {
            return Future.succeededFuture(new Resultat.Refusee("fin", "La date de fin précède la date de début."));
        }
        int year = Year.now().getValue();
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select (select count(*) from type_mission where code = $1)::int as type,
                               (select examen_code from session_examen where id = $2 and annee between $5 and $6) as examen,
                               (select eo.id from epreuve_option eo join specialite sp on sp.id = eo.specialite_id
                                join session_examen s on s.examen_code = sp.examen_code
                                where s.id = $2 and eo.code = $3 order by eo.id limit 1) as epreuve,
                               (select count(*) from etablissement where uai = $4 and centre_examen)::int as centre""")
                .execute(Tuple.of(d.type(), d.session(), d.epreuve(), d.centre(), year - 1, year + 1)).compose(rows -> {
                    Row r = rows.iterator().next();
                    Optional<Resultat> refus = r.getInteger("type") == 0
                            ? Optional.of(new Resultat.Refusee("type", "Ce type de mission n'existe pas dans l'académie."))
                            : r.getString("examen") == null
                            ? Optional.of(new Resultat.Refusee("session", "Choisissez une session de l'an dernier à l'an prochain."))
                            : !d.epreuve().isEmpty() && r.getLong("epreuve") == null
                            ? Optional.of(new Resultat.Refusee("epreuve", "L'épreuve-option « " + d.epreuve()
                            + " » n'est pas une épreuve de l'examen de cette session."))
                            : r.getInteger("centre") == 0
                            ? Optional.of(new Resultat.Refusee("centre", "L'établissement « " + d.centre() + " » n'est pas un centre"
                            + " d'examen de l'académie : les centres viennent de l'import des inscriptions."))
                            : Optional.empty();
                    if (refus.isPresent()) {
                        return Future.succeededFuture(refus.get());
                    }
                    Long epreuve = d.epreuve().isEmpty() ? null : r.getLong("epreuve");
                    return conn.query(MissionGeneration.NUMERO_LOCK).execute()
                            .compose(v -> conn.query(MissionGeneration.NUMERO_SUIVANT).execute())
                            .compose(next -> {
                                String numero = String.valueOf(next.iterator().next().getLong(0));
                                return conn.preparedQuery("""
                                                insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut,
                                                                     date_fin, candidats_attendus, intervenants_requis)
                                                values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id""")
                                        .execute(Tuple.from(java.util.Arrays.asList(numero, d.type(), d.session(), epreuve, d.centre(),
                                                d.debut(), d.fin(), d.candidats(), d.requis())))
                                        .compose(inserted -> {
                                            long id = inserted.iterator().next().getLong(0);
                                            return audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "MISSION_CREEE",
                                                    "mission=" + numero + " type=" + d.type() + " centre=" + d.centre(), address))
                                                    .map(v -> (Resultat) new Resultat.Creee(id, numero));
                                        });
                            });
                }));
    }
}
