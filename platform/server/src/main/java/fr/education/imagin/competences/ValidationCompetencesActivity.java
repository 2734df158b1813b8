package fr.education.imagin.competences;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityModule;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;

/**
 * "Validation saisie compétence" (guide §3.4, VALID-1): the establishment states that its saisie
 * is over; its compétences are then read-only until the academy office reopens them.
 */
public final class ValidationCompetencesActivity implements ActivityModule {

    static final String CHECKBOX_REQUIRED = "Erreur : Cochez la case « J'ai terminé la saisie des compétences. » "
            + "pour valider la saisie ; rien n'a été enregistré.";

    private final CompetenceService competences;
    private final PageRenderer pages;

    public ValidationCompetencesActivity(CompetenceService competences, PageRenderer pages) {
        this.competences = competences;
        this.pages = pages;
    }

    @Override
    public Activity activity() {
        return Activity.VALIDATION_COMPETENCES;
    }

    @Override
    public void mount(ActivityRouter routes) {
        routes.get("/").handler(this::page);
        routes.post("/").handler(this::validate);
    }

    private void page(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        competences.validation(tenant, CompetencesActivity.uai(ctx)).onSuccess(found -> {
            Map<String, Object> model = new HashMap<>();
            model.put("validee", found.isPresent());
            found.ifPresent(v -> {
                model.put("valideeLe", FrenchFormats.dateTime(v.le()));
                model.put("valideePar", v.par());
            });
            model.put("action", Activity.VALIDATION_COMPETENCES.path(tenant.code()));
            pages.respond(ctx, "validation-competences/validation.ftlh", model);
        }).onFailure(ctx::fail);
    }

    private void validate(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        String back = Activity.VALIDATION_COMPETENCES.path(tenant.code());
        if (!"oui".equals(ctx.request().getFormAttribute("termine"))) {
            Console.erreur(ctx, CHECKBOX_REQUIRED);
            SessionSync.redirect(ctx, back);
            return;
        }
        competences.validateSaisie(tenant, CompetencesActivity.uai(ctx), CompetencesActivity.actor(ctx)).onSuccess(r -> {
            if (r.ok()) {
                Console.information(ctx, r.message());
            } else {
                Console.erreur(ctx, r.message());
            }
            SessionSync.redirect(ctx, back);
        }).onFailure(ctx::fail);
    }
}
