package fr.education.imagin.academies.administration;

import fr.education.imagin.core.security.AcademyOffice;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.security.SignIn;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * The académie's own settings its gestionnaires keep, through {@link TenantAdministration} like
 * the national console: {@code /:tenant/administration/journal} (the académie's audit entries)
 * and {@code /:tenant/administration/accueil} (the welcome message of its home page, SH-9).
 */
public final class AcademyOfficeRoutes {

    private static final String ACCUEIL = "/administration/accueil";

    private final TenantAdministration administration;
    private final PageRenderer pages;

    public AcademyOfficeRoutes(TenantAdministration administration, PageRenderer pages) {
        this.administration = administration;
        this.pages = pages;
    }

    /** Behind the tenant, session, CSRF and access policy handlers. */
    public void mount(Router router) {
        router.get("/:tenant/administration/journal").handler(new AcademyOffice()).handler(this::journal);
        router.get("/:tenant" + ACCUEIL).handler(new AcademyOffice()).handler(this::accueil);
        router.post("/:tenant" + ACCUEIL).handler(new AcademyOffice()).handler(this::saveAccueil);
    }

    private void journal(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        administration.journal(tenant.code(), AdminConsoleRoutes.JOURNAL_SIZE).onSuccess(rows -> pages.respond(ctx,
                "admin/journal-academie.ftlh", Map.of("entrees", rows.stream().map(TenantAdministration.AuditRow::toModel).toList(),
                        "taille", AdminConsoleRoutes.JOURNAL_SIZE))).onFailure(ctx::fail);
    }

    private void accueil(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        pages.respond(ctx, "admin/accueil-academie.ftlh", Map.of("accueil", tenant.messageAccueil(),
                "max", TenantAdministration.MAX_WELCOME));
    }

    /** Every member serves the new message once this answers (the registry is reloaded everywhere). */
    private void saveAccueil(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        String message = ctx.request().getFormAttribute("accueil");
        administration.setWelcome(tenant.code(), message, SessionUser.of(ctx).login(), SignIn.address(ctx)).onSuccess(v -> {
            Console.information(ctx, "Le message d'accueil de l'académie est enregistré.");
            SessionSync.redirect(ctx, "/" + tenant.code() + ACCUEIL);
        }).onFailure(e -> {
            if (!(e instanceof TenantAdministration.Refusal)) {
                ctx.fail(e);
                return;
            }
            Console.erreur(ctx, e.getMessage());
            pages.respond(ctx, 400, "admin/accueil-academie.ftlh", Map.of("accueil", message == null ? "" : message,
                    "max", TenantAdministration.MAX_WELCOME, "erreur", e.getMessage()));
        });
    }
}
