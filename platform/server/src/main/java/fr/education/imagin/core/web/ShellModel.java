package fr.education.imagin.core.web;

import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;

import java.util.HashMap;
import java.util.Map;

/** What every page's layout needs: académie, signed-in user and the CSRF token for forms. */
final class ShellModel {

    private ShellModel() {
    }

    static Map<String, Object> merge(RoutingContext ctx, Map<String, ?> page) {
        Map<String, Object> model = new HashMap<>(page);
        Tenant tenant = ctx.get(ContextKeys.TENANT);
        if (tenant != null) {
            model.putIfAbsent("academie", Map.of("code", tenant.code(), "nom", tenant.nom()));
        }
        SessionUser user = SessionUser.of(ctx);
        if (user != null) {
            model.putIfAbsent("user", user.toTemplateModel());
        }
        String csrf = ctx.get(CSRFHandler.DEFAULT_HEADER_NAME);
        model.putIfAbsent("csrfField", CSRFHandler.DEFAULT_HEADER_NAME);
        model.putIfAbsent("csrfToken", csrf == null ? "" : csrf);
        return model;
    }
}
