package fr.education.imagin.frais;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * "Export des frais validés" (GEST-3: transmission to the payment systems): a session's validated
 * expenses, and on request the paid ones, one line each, in the format the README documents.
 * Values are for machines: codes rather than labels, decimal comma without thousands separator,
 * dates in ISO 8601 (Paris time). The file itself is written by the project's one CSV writer.
 */
final class PaiementExport {

    static final List<String> ENTETE = List.of("nature", "numen", "nom", "prenom", "session", "mission_centre", "unite",
            "quantite", "montant", "statut", "valide_par", "valide_le");

    private final TenantSql sql;

    PaiementExport(TenantSql sql) {
        this.sql = sql;
    }

    /** The lines of the session, VALIDE only or also PAYE, by name. */
    Future<List<List<String>>> lignes(Tenant tenant, long sessionId, boolean avecPayes) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select f.nature, p.numen, p.nom, p.prenom, se.examen_code || '-' || se.annee as session,
                               case f.nature when 'ICC' then s.uai || '-' || s.periode else m.numero end as mission_centre,
                               coalesce(f.unite, '') as unite,
                               coalesce(replace(rtrim(rtrim(f.quantite::text, '0'), '.'), '.', ','), '') as quantite,
                               coalesce(replace(f.montant::text, '.', ','), '') as montant,
                               f.statut, coalesce(f.traite_par, '') as valide_par,
                               coalesce(to_char(f.traite_le at time zone 'Europe/Paris', 'YYYY-MM-DD"T"HH24:MI:SS'), '') as valide_le
                        from frais f
                        join personnel p on p.id = f.personnel_id
                        join session_examen se on se.id = f.session_id
                        left join affectation a on a.id = f.affectation_id
                        left join mission m on m.id = a.mission_id
                        left join icc_saisie s on s.id = f.icc_saisie_id
                        where f.session_id = $1 and f.statut = any($2)
                        order by p.nom, p.prenom, p.numen, f.id""")
                .execute(Tuple.tuple().addLong(sessionId)
                        .addArrayOfString(avecPayes ? new String[]{"VALIDE", "PAYE"} : new String[]{"VALIDE"})))
                .map(rows -> {
                    List<List<String>> lines = new ArrayList<>();
                    for (Row r : rows) {
                        List<String> cells = new ArrayList<>(ENTETE.size());
                        for (int i = 0; i < ENTETE.size(); i++) {
                            cells.add(r.getString(i));
                        }
                        lines.add(cells);
                    }
                    return lines;
                });
    }
}
