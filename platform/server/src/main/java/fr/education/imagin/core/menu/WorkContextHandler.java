package fr.education.imagin.core.menu;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.security.AccessPolicy;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.TenantHandler;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Loads the {@link WorkContext} of every académie request, after the access policy. */
public final class WorkContextHandler implements Handler<RoutingContext> {

    /** One row whatever happens: the establishment (or nulls) and every activity's state. */
    private static final String LOAD = """
            select e.uai, e.nom, e.commune, e.centre_examen,
                   coalesce((select json_object_agg(code, """ + ActivityStatesRoutes.OPEN_NOW + """
                   ) from activite), '{}'::json) as activites
            from (values (1)) as one
            left join etablissement e on e.uai = $1""";

    private final TenantSql sql;

    public WorkContextHandler(TenantSql sql) {
        this.sql = sql;
    }

    @Override
    public void handle(RoutingContext ctx) {
        SessionUser user = SessionUser.of(ctx);
        load(ctx, user == null ? null : user.uai(), AccessPolicy.isVisitingCentre(ctx)).onSuccess(context -> {
            ctx.put(WorkContext.KEY, context);
            ctx.next();
        }).onFailure(ctx::fail);
    }

    private Future<WorkContext> load(RoutingContext ctx, String uai, boolean visiting) {
        return sql.inTenant(TenantHandler.current(ctx), conn -> conn.preparedQuery(LOAD).execute(Tuple.of(uai)))
                .map(rows -> toContext(rows.iterator().next(), visiting));
    }

    private static WorkContext toContext(Row row, boolean visiting) {
        Optional<Establishment> etablissement = row.getString("uai") == null ? Optional.empty()
                : Optional.of(new Establishment(row.getString("uai"), row.getString("nom"), row.getString("commune"),
                row.getBoolean("centre_examen")));
        Map<String, Boolean> open = new HashMap<>();
        JsonObject states = (JsonObject) row.getValue("activites");
        states.forEach(e -> open.put(e.getKey(), Boolean.TRUE.equals(e.getValue())));
        return new WorkContext(etablissement, Map.copyOf(open), visiting);
    }
}
