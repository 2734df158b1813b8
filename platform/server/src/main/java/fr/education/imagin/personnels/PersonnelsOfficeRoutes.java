package fr.education.imagin.personnels;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.security.AcademyOffice;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.security.SignIn;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Créer un intervenant" under {@code /:tenant/administration/personnels/nouveau}: the academy
 * office's form for a person the imports do not bring. Gestionnaires and national admins only.
 */
public final class PersonnelsOfficeRoutes {

    static final String PATH = "/administration/personnels/nouveau";
    /** The form's fields: the staff file's columns, the workplace being the principal one. */
    private static final List<String> FIELDS = List.of("numen", "civilite", "nom", "prenom", "date_naissance",
            "discipline_poste", "corps", "mail_pro", "tel_pro", "uai");

    private final IntervenantCreation creation;
    private final PageRenderer pages;

    public PersonnelsOfficeRoutes(TenantSql sql, AuditTrail audit, PageRenderer pages) {
        this.creation = new IntervenantCreation(sql, audit);
        this.pages = pages;
    }

    public void mount(Router router) {
        String path = "/:tenant" + PATH;
        router.route(path).handler(new AcademyOffice());
        router.get(path).handler(ctx -> respond(ctx, 200, empty()));
        router.post(path).handler(this::create);
    }

    private static Map<String, String> empty() {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, ""));
        return form;
    }

    private void respond(RoutingContext ctx, int status, Map<String, String> form) {
        pages.respond(ctx, status, "personnels/office-nouveau.ftlh", Map.of("form", form,
                "action", "/" + TenantHandler.current(ctx).code() + PATH)).onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        MultiMap attributes = ctx.request().formAttributes();
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, attributes.get(f) == null ? "" : attributes.get(f).strip()));
        Map<String, String> values = new LinkedHashMap<>(form);
        values.put("principal", "O");
        creation.creer(TenantHandler.current(ctx), SessionUser.of(ctx).login(), SignIn.address(ctx), values).onSuccess(result -> {
            if (result instanceof IntervenantCreation.Resultat.Cree created) {
                Console.information(ctx, created.nom() + " est créé(e) : il ou elle peut désormais être désigné(e) et convoqué(e).");
                SessionSync.redirect(ctx, "/" + TenantHandler.current(ctx).code() + PATH);
            } else if (result instanceof IntervenantCreation.Resultat.Refuse refused) {
                refused.raisons().forEach(r -> Console.erreur(ctx, r));
                respond(ctx, 400, form);
            }
        }).onFailure(ctx::fail);
    }
}
