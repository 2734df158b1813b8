package fr.education.imagin.competences;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.core.security.AcademyOffice;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Map;

/**
 * The academy office's side of VALID-1: the establishments whose saisie des compétences is
 * validated, and "Rouvrir la saisie" (deletes the validation, audited). For the académie's
 * gestionnaires (and national admins), outside the establishment activities' guard.
 */
public final class CompetencesOfficeRoutes {

    static final String PATH = "/administration/validations-competences";

    private final CompetenceService competences;
    private final PageRenderer pages;

    public CompetencesOfficeRoutes(CompetenceService competences, PageRenderer pages) {
        this.competences = competences;
        this.pages = pages;
    }

    public void mount(Router router) {
        router.route("/:tenant" + PATH).handler(new AcademyOffice());
        router.route("/:tenant" + PATH + "/rouvrir").handler(new AcademyOffice());
        router.get("/:tenant" + PATH).handler(this::list);
        router.post("/:tenant" + PATH + "/rouvrir").handler(this::reopen);
    }

    private void list(RoutingContext ctx) {
        competences.validated(TenantHandler.current(ctx), FrenchFormats::dateTime)
                .compose(list -> pages.respond(ctx, "validation-competences/administration.ftlh", Map.of("validations", list)))
                .onFailure(ctx::fail);
    }

    private void reopen(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        String back = "/" + tenant.code() + PATH;
        String uai = String.valueOf(ctx.request().getFormAttribute("uai")).strip().toUpperCase(Locale.ROOT);
        if (!FrenchInput.uai(uai)) {
            Console.erreur(ctx, "Erreur : Numéro d'établissement (UAI) invalide ; aucune modification n'a été enregistrée.");
            SessionSync.redirect(ctx, back);
            return;
        }
        competences.reopen(tenant, uai, CompetencesActivity.actor(ctx)).onSuccess(r -> {
            if (r.ok()) {
                Console.information(ctx, r.message());
            } else {
                Console.erreur(ctx, r.message());
            }
            SessionSync.redirect(ctx, back);
        }).onFailure(ctx::fail);
    }
}
