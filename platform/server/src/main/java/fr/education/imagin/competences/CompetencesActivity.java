package fr.education.imagin.competences;

import fr.education.imagin.competences.CompetenceRules.Auteur;
import fr.education.imagin.competences.CompetenceService.Actor;
import fr.education.imagin.competences.CompetenceService.Result;
import fr.education.imagin.core.list.ListScreen;
import fr.education.imagin.core.list.Lists;
import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityModule;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.personnels.PersonnelIntrouvable;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * "Saisie des compétences" (guide §3.3): the staff list with "Compétences définies", each
 * person's compétences (with "+", "X" and "Ajouter une compétence" while the saisie is not
 * validated) and teachings, and the JSON proposals of the add form.
 */
public final class CompetencesActivity implements ActivityModule {

    private final ListScreen list;
    private final CompetenceService competences;
    private final PageRenderer pages;

    public CompetencesActivity(Lists lists, CompetenceService competences, PageRenderer pages) {
        this.list = lists.screen(CompetencesList.DEFINITION, "competences/liste.ftlh");
        this.competences = competences;
        this.pages = pages;
    }

    @Override
    public Activity activity() {
        return Activity.COMPETENCES;
    }

    @Override
    public void mount(ActivityRouter routes) {
        list.mount(routes, "/");
        routes.get("/propositions").handler(this::proposals);
        routes.get("/:id").handler(this::detail);
        routes.get("/:id/ajout").handler(this::addForm);
        routes.post("/:id/valider").handler(ctx -> write(ctx, Op.VALIDATE));
        routes.post("/:id/invalider").handler(ctx -> write(ctx, Op.INVALIDATE));
        routes.post("/:id/ajouter").handler(ctx -> write(ctx, Op.ADD));
    }

    static String uai(RoutingContext ctx) {
        return WorkContext.establishment(ctx).uai();
    }

    static Actor actor(RoutingContext ctx) {
        return new Actor(TenantHandler.current(ctx).code(), SessionUser.of(ctx).login(),
                ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress());
    }

    private void detail(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        String uai = uai(ctx);
        competences.detail(tenant, uai, id.getAsLong()).onSuccess(found -> {
            if (found.isEmpty()) {
                ctx.fail(PersonnelIntrouvable.page());
                return;
            }
            CompetenceService.Detail d = found.get();
            boolean editable = !d.validee();
            String retour = ctx.queryParams().get("retour");
            Map<String, Object> model = new HashMap<>();
            model.put("personnel", Map.of("id", String.valueOf(d.id()), "nom", d.nom(), "prenom", d.prenom(),
                    "discipline", d.discipline(), "definies", d.competences().isEmpty() ? "NON" : "OUI"));
            model.put("competences", d.competences().stream().map(c -> Map.of(
                    "epreuve", String.valueOf(c.epreuveOptionId()), "examen", c.examen(), "specialite", c.specialite(),
                    "libelle", c.epreuve(),
                    "auteurs", c.auteurs().stream().map(Auteur::label).toList(),
                    "plus", editable && CompetenceRules.offersValidate(c.auteurs(), uai),
                    "croix", editable && CompetenceRules.offersInvalidate(c.auteurs(), uai))).toList());
            model.put("enseignements", d.enseignements().stream().map(e -> Map.of("etablissement", e.etablissement(),
                    "mef", e.mef(), "typeMef", e.typeMef(), "matiere", e.matiere(), "modalite", e.modalite())).toList());
            model.put("modifiable", editable);
            model.put("retourParam", retour == null ? "" : retour);
            model.put("self", selfPath(tenant, d.id(), retour));
            model.put("retour", Lists.backToList(ctx, Activity.COMPETENCES.path(tenant.code())));
            pages.respond(ctx, "competences/detail.ftlh", model);
        }).onFailure(ctx::fail);
    }

    /**
     * The add form. The proposals come from {@code /propositions} through competences.js; without
     * script, "Afficher les propositions" reloads this page with {@code examen} and {@code specialite}.
     */
    private void addForm(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        String uai = uai(ctx);
        Optional<String> examen = Optional.ofNullable(ctx.queryParams().get("examen")).map(String::strip).filter(s -> !s.isEmpty());
        OptionalLong specialite = examen.isPresent() ? RecordIds.parse(ctx.queryParams().get("specialite")) : OptionalLong.empty();
        competences.detail(tenant, uai, id.getAsLong()).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(PersonnelIntrouvable.page());
            }
            Future<List<Map<String, Object>>> examens = options(tenant, uai, Optional.empty(), Optional.empty(), "examens", examen.orElse(""));
            Future<List<Map<String, Object>>> specialites = examen.isEmpty() ? Future.succeededFuture(List.of())
                    : options(tenant, uai, examen, Optional.empty(), "specialites",
                    specialite.isPresent() ? String.valueOf(specialite.getAsLong()) : "");
            Future<List<Map<String, Object>>> epreuves = specialite.isEmpty() ? Future.succeededFuture(List.of())
                    : options(tenant, uai, Optional.empty(), Optional.of(specialite.getAsLong()), "epreuves", "");
            return Future.all(examens, specialites, epreuves).compose(all -> {
                CompetenceService.Detail d = found.get();
                String retour = ctx.queryParams().get("retour");
                Map<String, Object> model = new HashMap<>();
                model.put("personnel", Map.of("id", String.valueOf(d.id()), "nom", d.nom(), "prenom", d.prenom()));
                model.put("examens", examens.result());
                model.put("specialites", specialites.result());
                model.put("epreuves", epreuves.result());
                model.put("modifiable", !d.validee());
                model.put("retourParam", retour == null ? "" : retour);
                model.put("annuler", selfPath(tenant, d.id(), retour));
                model.put("propositions", Activity.COMPETENCES.path(tenant.code()) + "propositions");
                return pages.respond(ctx, "competences/ajout.ftlh", model);
            });
        }).onFailure(ctx::fail);
    }

    private Future<List<Map<String, Object>>> options(Tenant tenant, String uai, Optional<String> examen, Optional<Long> specialite,
                                                      String key, String selected) {
        return competences.proposals(tenant, uai, examen, specialite).map(found -> found.getOrDefault(key, List.of()).stream()
                .map(p -> Map.<String, Object>of("value", p.value(), "libelle", p.libelle(), "selected", p.value().equals(selected)))
                .toList());
    }

    private void proposals(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        Optional<String> examen = Optional.ofNullable(ctx.queryParams().get("examen")).map(String::strip).filter(s -> !s.isEmpty());
        String specialiteText = ctx.queryParams().get("specialite");
        OptionalLong specialite = RecordIds.parse(specialiteText);
        if (specialiteText != null && specialite.isEmpty()) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(new JsonObject().put("erreur", "Spécialité invalide.").encode());
            return;
        }
        competences.proposals(tenant, uai(ctx), examen,
                        specialite.isPresent() ? Optional.of(specialite.getAsLong()) : Optional.empty())
                .onSuccess(found -> {
                    JsonObject json = new JsonObject();
                    found.forEach((key, list) -> json.put(key, new JsonArray(list.stream()
                            .map(p -> new JsonObject().put("value", p.value()).put("libelle", p.libelle())).toList())));
                    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                            .putHeader("Cache-Control", "no-store").end(json.encode());
                }).onFailure(ctx::fail);
    }

    private enum Op { VALIDATE, INVALIDATE, ADD }

    private void write(RoutingContext ctx, Op op) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        String retour = ctx.request().getFormAttribute("retour");
        String back = selfPath(tenant, id.getAsLong(), retour);
        OptionalLong epreuve = RecordIds.parse(ctx.request().getFormAttribute("epreuve"));
        if (epreuve.isEmpty()) {
            Console.erreur(ctx, op == Op.ADD
                    ? "Erreur : Choisissez un examen, une spécialité et une épreuve option ; aucune compétence n'a été ajoutée."
                    : "Erreur : Compétence non précisée ; aucune modification n'a été enregistrée.");
            SessionSync.redirect(ctx, op == Op.ADD ? addPath(tenant, id.getAsLong(), retour) : back);
            return;
        }
        String uai = uai(ctx);
        Actor actor = actor(ctx);
        Future<Result> result = switch (op) {
            case VALIDATE -> competences.validate(tenant, uai, id.getAsLong(), epreuve.getAsLong(), actor);
            case INVALIDATE -> competences.invalidate(tenant, uai, id.getAsLong(), epreuve.getAsLong(), actor);
            case ADD -> competences.add(tenant, uai, id.getAsLong(), epreuve.getAsLong(), actor);
        };
        result.onSuccess(r -> {
            if (r.unknownPerson()) {
                ctx.fail(PersonnelIntrouvable.page());
                return;
            }
            if (r.ok()) {
                Console.information(ctx, r.message());
            } else {
                Console.erreur(ctx, r.message());
            }
            SessionSync.redirect(ctx, back);
        }).onFailure(ctx::fail);
    }

    private static String selfPath(Tenant tenant, long id, String retour) {
        String path = Activity.COMPETENCES.path(tenant.code()) + id;
        return retour == null || retour.isBlank() ? path : path + "?retour=" + URLEncoder.encode(retour, StandardCharsets.UTF_8);
    }

    private static String addPath(Tenant tenant, long id, String retour) {
        String path = Activity.COMPETENCES.path(tenant.code()) + id + "/ajout";
        return retour == null || retour.isBlank() ? path : path + "?retour=" + URLEncoder.encode(retour, StandardCharsets.UTF_8);
    }
}
