package fr.education.imagin.personnels;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One person's detail, as an establishment that employs them may see it. */
final class PersonnelService {

    record Workplace(String uai, String nom, String commune, boolean principal) {
    }

    record Personnel(long id, String civilite, String nom, String prenom, LocalDate dateNaissance,
                     String discipline, String corps, List<Workplace> lieux) {
    }

    /** Only someone who works at {@code $2}: another establishment's staff are not found. */
    private static final String FIND = """
            select p.id, p.civilite, p.nom, p.prenom, p.date_naissance, p.discipline_poste, p.corps,
                   e.uai, e.nom as etablissement, e.commune, le.principal
            from personnel p
            join lieu_exercice le on le.personnel_id = p.id
            join etablissement e on e.uai = le.uai
            where p.id = $1
              and exists (select 1 from lieu_exercice mine where mine.personnel_id = p.id and mine.uai = $2)
            order by le.principal desc, e.nom""";

    private final TenantSql sql;

    PersonnelService(TenantSql sql) {
        this.sql = sql;
    }

    Future<Optional<Personnel>> find(Tenant tenant, String uai, long id) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(FIND).execute(Tuple.of(id, uai)))
                .map(PersonnelService::toPersonnel);
    }

    private static Optional<Personnel> toPersonnel(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        List<Workplace> lieux = new ArrayList<>();
        Row first = null;
        for (Row row : rows) {
            first = first == null ? row : first;
            lieux.add(new Workplace(row.getString("uai"), row.getString("etablissement"), row.getString("commune"),
                    row.getBoolean("principal")));
        }
        return Optional.of(new Personnel(first.getLong("id"), first.getString("civilite"), first.getString("nom"),
                first.getString("prenom"), first.getLocalDate("date_naissance"), first.getString("discipline_poste"),
                first.getString("corps"), List.copyOf(lieux)));
    }
}
