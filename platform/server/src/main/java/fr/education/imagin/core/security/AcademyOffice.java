package fr.education.imagin.core.security;

import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.PageException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Gate of the academy office's routes (the exam division's gestionnaires of this académie, and
 * national admins): placed after the access policy, it refuses everyone else with a French 403.
 */
public final class AcademyOffice implements Handler<RoutingContext> {

    public static boolean isOffice(SessionUser user, Tenant tenant) {
        return user != null && (user.role() == Role.NATIONAL_ADMIN
                || user.role() == Role.GESTIONNAIRE && tenant.code().equals(user.tenantCode()));
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (isOffice(SessionUser.of(ctx), TenantHandler.current(ctx))) {
            ctx.next();
        } else {
            ctx.fail(new PageException(403, "Accès refusé",
                    "Cette page est réservée au service gestionnaire de la division des examens et concours de l'académie."));
        }
    }
}
