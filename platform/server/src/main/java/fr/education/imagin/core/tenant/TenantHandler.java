package fr.education.imagin.core.tenant;

import fr.education.imagin.core.web.ContextKeys;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** First step of every académie route: resolves {@code /:tenant/...} or answers 404. */
public final class TenantHandler implements Handler<RoutingContext> {

    private static final String KEY = ContextKeys.TENANT;
    private final TenantRegistry registry;

    public TenantHandler(TenantRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        registry.active(ctx.pathParam("tenant")).ifPresentOrElse(tenant -> {
            ctx.put(KEY, tenant);
            ctx.next();
        }, () -> ctx.fail(404));
    }

    /** The tenant resolved for this request; only call on routes behind this handler. */
    public static Tenant current(RoutingContext ctx) {
        Tenant tenant = ctx.get(KEY);
        if (tenant == null) {
            throw new IllegalStateException("route " + ctx.normalizedPath() + " is not behind the TenantHandler");
        }
        return tenant;
    }
}
