package fr.education.imagin.academies;

import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.tenant.TenantRegistry;
import fr.education.imagin.core.web.PageRenderer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;

/** The platform's landing page (list of académies) and each académie's home screen (SH-9). */
public final class AcademyHomeRoutes {

    private final TenantRegistry registry;
    private final AcademyHomeService service;
    private final PageRenderer pages;

    public AcademyHomeRoutes(TenantRegistry registry, AcademyHomeService service, PageRenderer pages) {
        this.registry = registry;
        this.service = service;
        this.pages = pages;
    }

    /** Public: the list of académies, before any tenant is chosen. */
    public void mountLanding(Router router) {
        router.get("/").handler(ctx -> pages.respond(ctx, "academies/landing.ftlh", Map.of(
                "academies", registry.all().values().stream().filter(Tenant::actif)
                        .sorted((a, b) -> a.nom().compareTo(b.nom()))
                        .map(t -> Map.of("code", t.code(), "nom", t.nom())).toList())));
    }

    /** Behind the tenant, session and access handlers. */
    public void mount(Router router) {
        router.get("/:tenant/").handler(this::home);
    }

    private void home(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        SessionUser user = SessionUser.of(ctx);
        service.etablissement(tenant, user.uai()).onSuccess(etab -> {
            Map<String, Object> model = new HashMap<>();
            model.put("messageAccueil", tenant.messageAccueil());
            etab.ifPresent(e -> model.put("etablissement", Map.of("uai", e.uai(), "nom", e.nom(),
                    "commune", e.commune(), "centreExamen", e.centreExamen())));
            pages.respond(ctx, "academies/home.ftlh", model);
        }).onFailure(ctx::fail);
    }
}
