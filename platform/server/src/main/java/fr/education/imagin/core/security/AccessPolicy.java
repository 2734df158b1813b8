package fr.education.imagin.core.security;

import fr.education.imagin.core.tenant.CentreRegistry;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.PageRenderer;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * The one gate every académie route passes after the tenant and the session. Let through: a
 * user of this académie, a national admin, and — "Accès autres académies" (ACAD-1) — a chef
 * d'établissement of another académie whose establishment is an exam centre here, who then acts
 * as a visiting centre ({@link #isVisitingCentre}). Pages send strangers to the login form.
 */
public final class AccessPolicy implements Handler<RoutingContext> {

    private static final String VISITING = "imagin.visitingCentre";
    private final CentreRegistry centres;
    private final PageRenderer pages;

    public AccessPolicy(CentreRegistry centres, PageRenderer pages) {
        this.centres = centres;
        this.pages = pages;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        SessionUser user = SessionUser.of(ctx);
        if (user == null) {
            String replacedFor = EstablishmentSlots.replacedFor(ctx.session());
            if (replacedFor != null && "GET".equals(ctx.request().method().name())) {
                // SH-10: say why, and sign in again only if the person asks (see EstablishmentSlots.end).
                pages.respond(ctx, 401, "connexion/session-remplacee.ftlh", Map.of("uai", replacedFor));
            } else if ("GET".equals(ctx.request().method().name())) {
                ctx.redirect("/" + tenant.code() + "/connexion");
            } else {
                ctx.fail(401);
            }
            return;
        }
        if (user.role() == Role.NATIONAL_ADMIN || tenant.code().equals(user.tenantCode())) {
            if (EstablishmentChoiceRoutes.mustChoose(user, ctx)) {
                ctx.redirect("/" + tenant.code() + EstablishmentChoiceRoutes.PATH);
                return;
            }
            ctx.next();
        } else if (user.role() == Role.CHEF_ETABLISSEMENT && centres.isCentreIn(user.uai(), tenant.code())) {
            ctx.put(VISITING, Boolean.TRUE);
            ctx.next();
        } else {
            ctx.fail(403);
        }
    }

    /** True when the user comes from another académie as the chef of one of this académie's exam centres. */
    public static boolean isVisitingCentre(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(VISITING));
    }
}
