package fr.education.imagin.personnels;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.imports.StaffFile;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Créer un intervenant" (GEST-1, CONV-3): the academy office adds a person the imports do not
 * bring (a professional, someone from another ministry), with the staff file's rules for each
 * field, and their principal workplace. One transaction with its audit entry.
 */
public final class IntervenantCreation {

    /** The outcome: the new person's id, or the reasons nothing was written. */
    public sealed interface Resultat {
        record Cree(long id, String nom) implements Resultat {
        }

        record Refuse(List<String> raisons) implements Resultat {
        }
    }

    private final TenantSql sql;
    private final AuditTrail audit;

    public IntervenantCreation(TenantSql sql, AuditTrail audit) {
        this.sql = sql;
        this.audit = audit;
    }

    /** {@code values}: the staff file's columns, {@code uai} the principal workplace. */
    public Future<Resultat> creer(Tenant tenant, String actor, String address, Map<String, String> values) {
        List<String> erreurs = new ArrayList<>();
        StaffFile.Person person = StaffFile.person(0, values, erreurs);
        if (person == null) {
            return Future.succeededFuture(new Resultat.Refuse(erreurs));
        }
        String uai = person.lieux().keySet().iterator().next();
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select (select count(*) from personnel where numen = $1)::int as numen,
                               (select count(*) from etablissement where uai = $2)::int as uai""")
                .execute(Tuple.of(person.numen(), uai)).compose(rows -> {
                    var row = rows.iterator().next();
                    List<String> refus = new ArrayList<>();
                    if (row.getInteger("numen") > 0) {
                        refus.add("Le NUMEN " + person.numen() + " est déjà celui d'un personnel de l'académie.");
                    }
                    if (row.getInteger("uai") == 0) {
                        refus.add("L'établissement " + uai + " n'est pas un établissement de l'académie.");
                    }
                    if (!refus.isEmpty()) {
                        return Future.succeededFuture((Resultat) new Resultat.Refuse(refus));
                    }
                    return conn.preparedQuery("""
                                    insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, corps,
                                                           mail_pro, tel_pro)
                                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id""")
                            .execute(Tuple.from(List.of(person.numen(), person.civilite(), person.nom(), person.prenom(),
                                    person.dateNaissance(), person.discipline(), person.corps(), person.mailPro(), person.telPro())))
                            .compose(inserted -> {
                                long id = inserted.iterator().next().getLong(0);
                                return conn.preparedQuery("insert into lieu_exercice (personnel_id, uai, principal) values ($1, $2, true)")
                                        .execute(Tuple.of(id, uai))
                                        .compose(v -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "PERSONNEL_CREE",
                                                "personnel=" + id + " numen=" + person.numen() + " uai=" + uai, address)))
                                        .map(v -> (Resultat) new Resultat.Cree(id, person.civilite() + " " + person.nom() + " "
                                                + person.prenom()));
                            });
                }))
                .recover(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState())
                        ? Future.succeededFuture(new Resultat.Refuse(List.of(
                        "Le NUMEN " + person.numen() + " vient d'être enregistré (autre onglet ou double clic) : rien n'a été créé.")))
                        : Future.failedFuture(e));
    }
}
