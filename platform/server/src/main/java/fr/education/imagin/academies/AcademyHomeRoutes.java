package fr.education.imagin.academies;

import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.tenant.TenantRegistry;
import fr.education.imagin.core.web.PageRenderer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Comparator;
import java.util.Map;

/**
 * The platform's landing page (list of académies) and each académie's home screen (SH-9): the
 * welcome message set by the academy office; the banner and the menu come from the shell.
 */
public final class AcademyHomeRoutes {

    private final TenantRegistry registry;
    private final PageRenderer pages;

    public AcademyHomeRoutes(TenantRegistry registry, PageRenderer pages) {
        this.registry = registry;
        this.pages = pages;
    }

    /** Public: the list of académies, before any tenant is chosen. */
    public void mountLanding(Router router) {
        router.get("/").handler(ctx -> pages.respond(ctx, "academies/landing.ftlh", Map.of(
                "academies", registry.all().values().stream().filter(Tenant::actif)
                        .sorted(Comparator.comparing(Tenant::nom))
                        .map(t -> Map.of("code", t.code(), "nom", t.nom())).toList())));
    }

    /** Behind the tenant, session, access and work-context handlers. */
    public void mount(Router router) {
        router.get("/:tenant/").handler(this::home);
    }

    private void home(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        pages.respond(ctx, "academies/home.ftlh", Map.of("messageAccueil", tenant.messageAccueil().lines()
                .filter(line -> !line.isBlank()).toList()));
    }
}
