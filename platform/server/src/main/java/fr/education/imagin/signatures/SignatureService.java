package fr.education.imagin.signatures;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;

/**
 * The signature blocks an exam centre prints on its convocations (guide §4.4, CONV-14): one for
 * its head of centre, one for its head of establishment, each kept per UAI.
 */
public final class SignatureService {

    /** Who signs: the role is the mission's choice of signature ({@code mission.signature}). */
    public enum Signataire {
        CENTRE, ETABLISSEMENT
    }

    /** Autorité, intitulé, nom, ville, as entered. */
    public record Signature(String autorite, String intitule, String nom, String ville) {
        static final Signature VIDE = new Signature("", "", "", "");
    }

    private static final String FIND = "select autorite, intitule, nom, ville from signature where uai = $1 and role = $2";
    private static final String SAVE = """
            insert into signature (uai, role, autorite, intitule, nom, ville) values ($1, $2, $3, $4, $5, $6)
            on conflict (uai, role) do update
            set autorite = excluded.autorite, intitule = excluded.intitule, nom = excluded.nom, ville = excluded.ville""";

    private final TenantSql sql;
    private final AuditTrail audit;

    public SignatureService(TenantSql sql, AuditTrail audit) {
        this.sql = sql;
        this.audit = audit;
    }

    public Future<Optional<Signature>> find(Tenant tenant, String uai, Signataire role) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(FIND).execute(Tuple.of(uai, role.name())))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()).map(r ->
                        new Signature(r.getString("autorite"), r.getString("intitule"), r.getString("nom"), r.getString("ville"))));
    }

    /** Saves the block and its audit entry in one transaction. */
    public Future<Void> save(Tenant tenant, String uai, Signataire role, Signature signature, String login, String address) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(SAVE)
                .execute(Tuple.of(uai, role.name(), signature.autorite(), signature.intitule(), signature.nom(), signature.ville()))
                .compose(saved -> audit.record(conn, new AuditTrail.Entry(tenant.code(), login, "SIGNATURE_ENREGISTREE",
                        "uai=" + uai + " signataire=" + role + " nom=" + signature.nom(), address))));
    }
}
