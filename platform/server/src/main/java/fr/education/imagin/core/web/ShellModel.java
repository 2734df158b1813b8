package fr.education.imagin.core.web;

import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every page's layout needs: académie, signed-in user, CSRF token for forms, console,
 * asset URLs, the page's own address, and what the {@link ShellPart}s add (menu, settings).
 */
final class ShellModel {

    private ShellModel() {
    }

    static Map<String, Object> merge(RoutingContext ctx, Map<String, ?> page, String assets, List<ShellPart> parts) {
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
        model.put("console", Console.model(ctx));
        model.put("assets", assets);
        model.put("chemin", ctx.request().uri());
        for (ShellPart part : parts) {
            part.addTo(ctx, model);
        }
        return model;
    }
}
