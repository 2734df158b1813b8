package fr.education.imagin.core.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.sqlclient.Pool;

/** {@code /health}: the process answers. {@code /ready}: database and cluster reachable. */
public final class HealthRoutes {

    private final Pool pool;
    private final HazelcastClusterManager cluster;

    public HealthRoutes(Pool pool, HazelcastClusterManager cluster) {
        this.pool = pool;
        this.cluster = cluster;
    }

    public void mount(Router router) {
        router.get("/health").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
        router.get("/ready").handler(this::ready);
    }

    private void ready(RoutingContext ctx) {
        Future<JsonObject> database = pool.query("select 1").execute()
                .map(rows -> new JsonObject().put("status", "UP"))
                .otherwise(e -> new JsonObject().put("status", "DOWN").put("error", e.getMessage()));
        JsonObject clusterState = clusterState();
        database.onComplete(result -> {
            JsonObject db = result.result();
            boolean up = "UP".equals(db.getString("status")) && "UP".equals(clusterState.getString("status"));
            json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN")
                    .put("database", db).put("cluster", clusterState));
        });
    }

    private JsonObject clusterState() {
        if (!cluster.isActive() || cluster.getHazelcastInstance() == null
                || !cluster.getHazelcastInstance().getLifecycleService().isRunning()) {
            return new JsonObject().put("status", "DOWN");
        }
        return new JsonObject().put("status", "UP")
                .put("members", cluster.getNodes().size())
                .put("nodeId", cluster.getNodeId());
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
