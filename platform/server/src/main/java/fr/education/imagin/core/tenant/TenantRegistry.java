package fr.education.imagin.core.tenant;

import fr.education.imagin.core.db.TenantSql;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The académies this member serves. The {@code platform.tenant} table is the truth; each
 * member keeps a snapshot and reloads it when any member publishes {@link #CHANGED_ADDRESS}.
 */
public final class TenantRegistry {

    public static final String CHANGED_ADDRESS = "imagin.tenants.changed";
    private static final Logger LOG = LoggerFactory.getLogger(TenantRegistry.class);

    private final TenantSql sql;
    private volatile Map<String, Tenant> byCode = Map.of();

    public TenantRegistry(TenantSql sql) {
        this.sql = sql;
    }

    /** Loads the snapshot and follows the cluster-wide change notifications. */
    public Future<Void> start(Vertx vertx) {
        vertx.eventBus().consumer(CHANGED_ADDRESS, message -> reload()
                .onFailure(e -> LOG.error("tenant registry reload failed", e)));
        return reload();
    }

    public Future<Void> reload() {
        return sql.inPlatform(conn -> conn
                        .query("select code, nom, contact_mail, message_accueil, actif from tenant order by code")
                        .execute())
                .map(rows -> {
                    byCode = StreamSupport.stream(rows.spliterator(), false)
                            .map(TenantRegistry::toTenant)
                            .collect(Collectors.toUnmodifiableMap(Tenant::code, Function.identity()));
                    LOG.atInfo().addKeyValue("tenants", byCode.keySet()).log("tenant registry loaded");
                    return null;
                });
    }

    private static Tenant toTenant(Row row) {
        return new Tenant(row.getString("code"), row.getString("nom"), row.getString("contact_mail"),
                row.getString("message_accueil"), row.getBoolean("actif"));
    }

    /** The active tenant with this URL code, if any. */
    public Optional<Tenant> active(String code) {
        return Optional.ofNullable(byCode.get(code)).filter(Tenant::actif);
    }

    public Map<String, Tenant> all() {
        return byCode;
    }
}
