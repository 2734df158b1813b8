package fr.education.imagin.academies;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;

/** What the académie home screen shows about the establishment the user acts for. */
public final class AcademyHomeService {

    /** The establishment as the banner names it ("ACADEMIE DE TOULOUSE - LPO ..."). */
    public record Etablissement(String uai, String nom, String commune, boolean centreExamen) {
    }

    private static final String FIND = "select uai, nom, commune, centre_examen from etablissement where uai = $1";

    private final TenantSql sql;

    public AcademyHomeService(TenantSql sql) {
        this.sql = sql;
    }

    public Future<Optional<Etablissement>> etablissement(Tenant tenant, String uai) {
        if (uai == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return sql.inTenant(tenant, conn -> conn.preparedQuery(FIND).execute(Tuple.of(uai)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Etablissement(row.getString("uai"), row.getString("nom"),
                            row.getString("commune"), row.getBoolean("centre_examen")));
                });
    }
}
