package fr.education.imagin.core.tenant;

import fr.education.imagin.core.db.TenantSql;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The platform-wide registry of which establishment is an exam centre in which académie
 * ({@code platform.centre_examen_academie}): it decides where a chef d'établissement may go
 * through "Accès autres académies" (ACAD-1). Each member keeps a snapshot, reloaded when any
 * member publishes {@link #CHANGED_ADDRESS}.
 */
public final class CentreRegistry {

    public static final String CHANGED_ADDRESS = "imagin.centres.changed";
    private static final Logger LOG = LoggerFactory.getLogger(CentreRegistry.class);

    private final TenantSql sql;
    private volatile Map<String, Set<String>> tenantsByUai = Map.of();

    public CentreRegistry(TenantSql sql) {
        this.sql = sql;
    }

    public Future<Void> start(Vertx vertx) {
        vertx.eventBus().consumer(CHANGED_ADDRESS, message -> reload()
                .onFailure(e -> LOG.error("centre registry reload failed", e)));
        return reload();
    }

    public Future<Void> reload() {
        return sql.inPlatform(conn -> conn.query("select uai, tenant_code from centre_examen_academie").execute())
                .map(rows -> {
                    tenantsByUai = StreamSupport.stream(rows.spliterator(), false).collect(Collectors.groupingBy(
                            (Row row) -> row.getString("uai"),
                            Collectors.mapping(row -> row.getString("tenant_code"), Collectors.toCollection(TreeSet::new))));
                    return null;
                });
    }

    /** Whether {@code uai} is an exam centre of the académie {@code tenantCode}. */
    public boolean isCentreIn(String uai, String tenantCode) {
        return uai != null && tenantsByUai.getOrDefault(uai, Set.of()).contains(tenantCode);
    }

    /**
     * The académies other than {@code homeTenant} where {@code uai} is an exam centre, by code;
     * never the DGRH (ACAD-1, guide: "excepté DGRH"), even when an establishment is declared there.
     */
    public List<String> otherAcademies(String uai, String homeTenant) {
        return tenantsByUai.getOrDefault(uai, Set.of()).stream()
                .filter(code -> !code.equals(homeTenant) && !code.equals(Tenant.DGRH)).toList();
    }
}
