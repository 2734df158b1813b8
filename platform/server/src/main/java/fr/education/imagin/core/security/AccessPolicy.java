package fr.education.imagin.core.security;

import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The one gate every académie route passes after the tenant and the session: a signed-in
 * user, of this académie (or a national admin). Pages send strangers to the login form.
 */
public final class AccessPolicy implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        SessionUser user = SessionUser.of(ctx);
        if (user == null) {
            if ("GET".equals(ctx.request().method().name())) {
                ctx.redirect("/" + tenant.code() + "/connexion");
            } else {
                ctx.fail(401);
            }
            return;
        }
        if (user.role() != Role.NATIONAL_ADMIN && !tenant.code().equals(user.tenantCode())) {
            ctx.fail(403);
            return;
        }
        ctx.next();
    }
}
