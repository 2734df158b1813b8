package fr.education.imagin.missions;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.core.format.Parsed;
import fr.education.imagin.core.list.ListScreen;
import fr.education.imagin.core.list.Lists;
import fr.education.imagin.core.security.AcademyOffice;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.security.SignIn;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageException;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * "Missions de l'académie" under {@code /:tenant/administration/missions/}: the academy office's
 * list of every mission, and each mission's page where the office sets its dates and
 * observations and targets it for convocation by the establishments (CONV-1). Gestionnaires of
 * the académie and national admins only ({@link AcademyOffice}).
 */
public final class MissionsOfficeRoutes {

    static final String PATH = "/administration/missions/";

    private final ListScreen list;
    private final MissionsOfficeService service;
    private final PageRenderer pages;

    public MissionsOfficeRoutes(Lists lists, TenantSql sql, AuditTrail audit, PageRenderer pages) {
        this.list = lists.screen(MissionsOfficeList.DEFINITION, "missions/office-liste.ftlh");
        this.service = new MissionsOfficeService(sql, audit);
        this.pages = pages;
    }

    public void mount(Router router) {
        String base = "/:tenant" + PATH;
        router.route(base + "*").handler(new AcademyOffice());
        list.mount(router, base);
        router.get(base + ":id").handler(this::detail);
        router.post(base + ":id").handler(this::save);
    }

    private static String listPath(RoutingContext ctx) {
        return "/" + TenantHandler.current(ctx).code() + PATH;
    }

    private static PageException introuvable() {
        return new PageException(404, "Mission introuvable", "Cette mission n'existe pas dans cette académie.");
    }

    private void detail(RoutingContext ctx) {
        OptionalLong id = RecordIds.parse(ctx.pathParam("id"));
        if (id.isEmpty()) {
            ctx.fail(introuvable());
            return;
        }
        service.find(TenantHandler.current(ctx), id.getAsLong()).compose(found -> found.isEmpty()
                        ? Future.failedFuture(introuvable())
                        : respond(ctx, 200, found.get(), form(found.get()), null))
                .onFailure(ctx::fail);
    }

    private void save(RoutingContext ctx) {
        OptionalLong id = RecordIds.parse(ctx.pathParam("id"));
        if (id.isEmpty()) {
            ctx.fail(introuvable());
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        MultiMap form = ctx.request().formAttributes();
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("debut", value(form, "debut"));
        typed.put("fin", value(form, "fin"));
        typed.put("requis", value(form, "requis").strip());
        typed.put("observation", value(form, "observation"));
        typed.put("observationConvocation", value(form, "observationConvocation"));
        typed.put("convocationEtablissement", "oui".equals(form.get("convocationEtablissement")));
        service.find(tenant, id.getAsLong()).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(introuvable());
            }
            Parsed<LocalDate> debut = FrenchInput.date((String) typed.get("debut"), "date de début");
            Parsed<LocalDate> fin = FrenchInput.date((String) typed.get("fin"), "date de fin");
            MissionsOfficeService.Refusal refusal = required("debut", debut, "Veuillez saisir la date de début.");
            if (refusal == null) {
                refusal = required("fin", fin, "Veuillez saisir la date de fin.");
            }
            Integer requis = null;
            String requisTyped = (String) typed.get("requis");
            if (refusal == null && !requisTyped.isEmpty()) {
                requis = requisTyped.matches("\\d{1,4}") ? Integer.valueOf(requisTyped) : null;
                if (requis == null) {
                    refusal = new MissionsOfficeService.Refusal("requis", "Le nombre d'intervenants requis « " + requisTyped
                            + " » doit être un nombre entier de 0 à " + MissionsOfficeService.REQUIS_MAX + ".");
                }
            }
            Future<Void> saved = refusal != null ? Future.failedFuture(refusal)
                    : service.update(tenant, SessionUser.of(ctx).login(), SignIn.address(ctx), id.getAsLong(),
                    new MissionsOfficeService.Changes(debut.value().get(), fin.value().get(), requis,
                            ((String) typed.get("observation")).strip(), ((String) typed.get("observationConvocation")).strip(),
                            (Boolean) typed.get("convocationEtablissement")));
            return saved.compose(v -> {
                Console.information(ctx, "La mission " + found.get().numero() + " est enregistrée.");
                SessionSync.redirect(ctx, listPath(ctx) + id.getAsLong());
                return Future.<Void>succeededFuture();
            }, e -> {
                if (!(e instanceof MissionsOfficeService.Refusal refused)) {
                    return Future.failedFuture(e);
                }
                Console.erreur(ctx, refused.getMessage());
                return respond(ctx, 400, found.get(), typed, refused);
            });
        }).onFailure(ctx::fail);
    }

    private Future<Void> respond(RoutingContext ctx, int status, MissionsOfficeService.Mission mission,
                                 Map<String, Object> form, MissionsOfficeService.Refusal refusal) {
        Tenant tenant = TenantHandler.current(ctx);
        return service.designations(tenant, mission.id()).compose(designations -> {
            Map<String, Object> model = new HashMap<>();
            model.put("mission", Map.of("numero", mission.numero(), "type", mission.type(), "session", mission.session(),
                    "specialite", mission.specialite(), "epreuve", mission.epreuve(), "centre", mission.centre(),
                    "candidats", mission.candidats()));
            model.put("form", form);
            model.put("action", listPath(ctx) + mission.id());
            model.put("observationMax", MissionsOfficeService.OBSERVATION_MAX);
            model.put("designations", designations.stream().map(d -> Map.of("nom", d.nom(), "prenom", d.prenom(),
                    "etablissement", d.etablissement(), "qualite", d.qualite(), "statut", d.statut(), "auteur", d.auteur())).toList());
            model.put("retour", Lists.backToList(ctx, listPath(ctx)));
            if (refusal != null) {
                model.put("erreur", Map.of("champ", refusal.field(), "texte", refusal.getMessage()));
            }
            return pages.respond(ctx, status, "missions/office-detail.ftlh", model);
        });
    }

    private static Map<String, Object> form(MissionsOfficeService.Mission mission) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("debut", FrenchFormats.date(mission.debut()));
        form.put("fin", FrenchFormats.date(mission.fin()));
        form.put("requis", mission.requis() == null ? "" : String.valueOf(mission.requis()));
        form.put("observation", mission.observation());
        form.put("observationConvocation", mission.observationConvocation());
        form.put("convocationEtablissement", mission.convocationEtablissement());
        return form;
    }

    /** The refusal a required date field earns, or null when it holds a date. */
    private static MissionsOfficeService.Refusal required(String field, Parsed<LocalDate> parsed, String whenEmpty) {
        if (parsed.isError()) {
            return new MissionsOfficeService.Refusal(field, parsed.error());
        }
        return parsed.isEmpty() ? new MissionsOfficeService.Refusal(field, whenEmpty) : null;
    }

    private static String value(MultiMap form, String name) {
        String value = form.get(name);
        return value == null ? "" : value;
    }
}
