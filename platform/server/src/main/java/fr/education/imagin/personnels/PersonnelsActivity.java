package fr.education.imagin.personnels;

import fr.education.imagin.convocations.ConvocationDocuments;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.export.Downloads;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.list.ListScreen;
import fr.education.imagin.core.list.Lists;
import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityModule;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.PageException;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.core.web.PageRenderer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** "Consultation des personnels" (guide §3.1): the staff list and each person's detail. */
public final class PersonnelsActivity implements ActivityModule {

    private final ListScreen list;
    private final PersonnelExports exports;
    private final PersonnelService personnels;
    private final PageRenderer pages;
    private final ConvocationDocuments convocations;

    public PersonnelsActivity(Lists lists, TenantSql sql, PageRenderer pages, ConvocationDocuments convocations) {
        this.list = lists.screen(PersonnelsList.DEFINITION, "personnels/liste.ftlh");
        this.exports = new PersonnelExports(list);
        this.personnels = new PersonnelService(sql);
        this.pages = pages;
        this.convocations = convocations;
    }

    @Override
    public Activity activity() {
        return Activity.PERSONNELS;
    }

    @Override
    public void mount(ActivityRouter routes) {
        list.mount(routes, "/");
        exports.mount(routes);
        routes.get("/:id").handler(this::detail);
        routes.get("/:id/convocations/:affectation").handler(this::convocation);
        routes.get("/:id/indisponibilites/:indisponibilite").handler(this::recapitulatif);
    }

    /** The establishment the activity works for; the activity guard made sure there is one. */
    static String uai(RoutingContext ctx) {
        return WorkContext.establishment(ctx).uai();
    }

    private void detail(RoutingContext ctx) {
        OptionalLong parsed = RecordIds.parse(ctx.pathParam("id"));
        if (parsed.isEmpty()) {
            ctx.fail(PersonnelIntrouvable.page());
            return;
        }
        long id = parsed.getAsLong();
        Tenant tenant = TenantHandler.current(ctx);
        personnels.find(tenant, uai(ctx), id).compose(found -> {
            if (found.isEmpty()) {
                ctx.fail(PersonnelIntrouvable.page());
                return Future.succeededFuture();
            }
            PersonnelService.Personnel p = found.get();
            String personPath = Activity.PERSONNELS.path(tenant.code()) + id;
            return personnels.tabs(tenant, id).compose(tabs -> pages.respond(ctx, "personnels/detail.ftlh", Map.of(
                    "onglets", tabsModel(tabs, personPath),
                    "personnel", Map.of("civilite", p.civilite(), "nom", p.nom(), "prenom", p.prenom(),
                            "dateNaissance", FrenchFormats.date(p.dateNaissance()), "discipline", p.discipline(),
                            "corps", p.corps()),
                    "lieux", p.lieux().stream().map(l -> Map.of("uai", l.uai(), "nom", l.nom(), "commune", l.commune(),
                            "principal", l.principal())).toList(),
                    "retour", Lists.backToList(ctx, Activity.PERSONNELS.path(tenant.code())))));
        }).onFailure(ctx::fail);
    }

    /** PERS-4: a convened affectation's convocation, as a PDF named after the person. */
    private void convocation(RoutingContext ctx) {
        OptionalLong id = RecordIds.parse(ctx.pathParam("id"));
        OptionalLong affectation = RecordIds.parse(ctx.pathParam("affectation"));
        if (id.isEmpty() || affectation.isEmpty()) {
            ctx.fail(PersonnelIntrouvable.page());
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        personnels.find(tenant, uai(ctx), id.getAsLong()).compose(found -> found.isEmpty()
                ? Future.failedFuture(PersonnelIntrouvable.page())
                : convocations.forPersonnel(tenant, id.getAsLong(), affectation.getAsLong())).compose(document -> {
            if (document.isEmpty()) {
                return Future.failedFuture(new PageException(404, "Convocation introuvable",
                        "Cette convocation n'existe pas ou ne concerne pas cette personne."));
            }
            return Downloads.prepare(ctx.response(), "application/pdf", document.get().fileName()).end(document.get().pdf());
        }).onFailure(ctx::fail);
    }

    /**
     * PERS-4: the recap of a convocation made by another académie, from the unavailability it
     * left in the person's "Indisponibilités" tab.
     */
    private void recapitulatif(RoutingContext ctx) {
        OptionalLong id = RecordIds.parse(ctx.pathParam("id"));
        OptionalLong indisponibilite = RecordIds.parse(ctx.pathParam("indisponibilite"));
        if (id.isEmpty() || indisponibilite.isEmpty()) {
            ctx.fail(PersonnelIntrouvable.page());
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        personnels.find(tenant, uai(ctx), id.getAsLong()).compose(found -> found.isEmpty()
                ? Future.failedFuture(PersonnelIntrouvable.page())
                : personnels.recapitulatif(tenant, id.getAsLong(), indisponibilite.getAsLong()).compose(recap -> {
                    if (recap.isEmpty()) {
                        return Future.failedFuture(new PageException(404, "Récapitulatif introuvable",
                                "Cette indisponibilité ne vient pas d'une convocation par une autre académie."));
                    }
                    PersonnelService.Personnel p = found.get();
                    return pages.respond(ctx, "personnels/recapitulatif.ftlh", Map.of(
                            "personnel", Map.of("civilite", p.civilite(), "nom", p.nom(), "prenom", p.prenom()),
                            "recapitulatif", recapModel(recap.get()),
                            "retour", Activity.PERSONNELS.path(tenant.code()) + id.getAsLong()));
                })).onFailure(ctx::fail);
    }

    /** The convening académie's recap, its time slots written as users read them. */
    private static Map<String, Object> recapModel(PersonnelService.Recapitulatif recap) {
        JsonObject c = recap.convocation();
        // Another académie's words: a time slot it wrote in a shape this one does not read is left out.
        List<String> creneaux = new ArrayList<>();
        Object slots = c.getValue("creneaux");
        if (slots instanceof JsonArray list) {
            for (Object slot : list) {
                if (slot instanceof JsonObject s && s.getValue("jour") instanceof String jour) {
                    try {
                        creneaux.add("Le " + FrenchFormats.dayDate(LocalDate.parse(jour)) + " de "
                                + text(s, "debut") + " à " + text(s, "fin"));
                    } catch (java.time.format.DateTimeParseException ignored) {
                        // not a date: left out
                    }
                }
            }
        }
        Map<String, Object> model = new HashMap<>();
        for (String key : List.of("academie", "numero", "mission", "session", "epreuve", "centre", "qualite")) {
            model.put(key, text(c, key));
        }
        model.put("creneaux", creneaux);
        model.put("debut", FrenchFormats.dateTime(recap.debut()));
        model.put("fin", FrenchFormats.dateTime(recap.fin()));
        model.put("motif", recap.motif());
        return model;
    }

    /** A value of the recap as text, whatever JSON type the other académie gave it. */
    private static String text(JsonObject json, String key) {
        Object value = json.getValue(key);
        return value == null ? "" : String.valueOf(value);
    }

    private static Map<String, Object> tabsModel(PersonnelService.Tabs tabs, String personPath) {
        return Map.of(
                "convocations", tabs.convocations().stream().map(c -> Map.of("href", personPath + "/convocations/" + c.affectation(),
                        "debut", FrenchFormats.date(c.debut()),
                        "examen", c.examen(), "mission", c.mission(), "centre", c.centre(), "qualite", c.qualite(),
                        "specialite", orEmpty(c.specialite()), "epreuveOption", orEmpty(c.epreuveOption()))).toList(),
                "indisponibilites", tabs.indisponibilites().stream().map(i -> Map.of(
                        "debut", FrenchFormats.dateTime(i.debut()), "fin", FrenchFormats.dateTime(i.fin()),
                        "motif", i.motif(), "recapitulatif", i.recap() ? personPath + "/indisponibilites/" + i.id() : "")).toList(),
                "enseignements", tabs.enseignements().stream().map(e -> Map.of("etablissement", e.etablissement(),
                        "matiere", e.matiere(), "modalite", e.modalite(), "mef", e.mef(), "typeMef", e.typeMef(),
                        "structure", e.structure())).toList(),
                "nonConvoquees", tabs.nonConvoquees());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
