package fr.education.imagin.missions;

import fr.education.imagin.convocations.OfficeConvocationService;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Missions de l'académie" under {@code /:tenant/administration/missions/}: the academy office's
 * list of every mission, and each mission's page where the office sets its dates and
 * observations, targets it for convocation by the establishments (CONV-1), convenes the people
 * it designated ({@link OfficeConvocationService}) and withdraws a designation. Gestionnaires of
 * the académie and national admins only ({@link AcademyOffice}).
 */
public final class MissionsOfficeRoutes {

    static final String PATH = "/administration/missions/";

    private final ListScreen list;
    private final MissionsOfficeService service;
    private final MissionCreation creation;
    private final OfficeConvocationService convocations;
    private final PageRenderer pages;

    public MissionsOfficeRoutes(Lists lists, TenantSql sql, AuditTrail audit, OfficeConvocationService convocations,
                                PageRenderer pages) {
        this.list = lists.screen(MissionsOfficeList.DEFINITION, "missions/office-liste.ftlh");
        this.service = new MissionsOfficeService(sql, audit);
        this.creation = new MissionCreation(sql, audit);
        this.convocations = convocations;
        this.pages = pages;
    }

    public void mount(Router router) {
        String base = "/:tenant" + PATH;
        router.route(base + "*").handler(new AcademyOffice());
        list.mount(router, base);
        router.get(base + "nouvelle").handler(ctx -> nouvelle(ctx, 200, Map.of(), null));
        router.post(base + "nouvelle").handler(this::creer);
        router.get(base + ":id").handler(this::detail);
        router.post(base + ":id").handler(this::save);
        router.post(base + ":id/convoquer").handler(this::convoquer);
        router.post(base + ":id/retirer").handler(this::retirer);
    }

    /**
     * The convocation form as the page draws it: the values typed (or the mission's defaults), the
     * rows ticked, the warnings to confirm, the refusal to point at.
     */
    private record ConvocationForm(Map<String, Object> values, Set<Long> coches, List<String> avertissements,
                                   OfficeConvocationService.Resultat.Refusee refus) {
        static ConvocationForm initial(OfficeConvocationService.Formulaire f) {
            return new ConvocationForm(Map.of("debut", f.debut(), "fin", f.fin(), "observation", f.observation()), Set.of(),
                    List.of(), null);
        }
    }

    private static String listPath(RoutingContext ctx) {
        return "/" + TenantHandler.current(ctx).code() + PATH;
    }

    private static PageException introuvable() {
        return new PageException(404, "Mission introuvable", "Cette mission n'existe pas dans cette académie.");
    }

    /** "Créer une mission": the form, empty or as typed with the refusal pointed at its field. */
    private void nouvelle(RoutingContext ctx, int status, Map<String, String> typed, MissionCreation.Resultat.Refusee refusal) {
        creation.choix(TenantHandler.current(ctx)).compose(choix -> {
            Map<String, Object> model = new HashMap<>();
            model.put("types", choix.get(0).stream().map(c -> Map.of("code", c.code(), "libelle", c.libelle())).toList());
            model.put("sessions", choix.get(1).stream().map(c -> Map.of("code", c.code(), "libelle", c.libelle())).toList());
            Map<String, String> form = new HashMap<>();
            for (String field : List.of("type", "session", "epreuve", "centre", "debut", "fin", "candidats", "requis")) {
                form.put(field, typed.getOrDefault(field, ""));
            }
            model.put("form", form);
            model.put("action", listPath(ctx) + "nouvelle");
            model.put("retour", listPath(ctx));
            if (refusal != null) {
                model.put("erreur", Map.of("champ", refusal.champ(), "texte", refusal.message()));
            }
            return pages.respond(ctx, status, "missions/office-nouvelle.ftlh", model);
        }).onFailure(ctx::fail);
    }

    private void creer(RoutingContext ctx) {
        MultiMap form = ctx.request().formAttributes();
        Map<String, String> typed = new HashMap<>();
        for (String field : List.of("type", "session", "epreuve", "centre", "debut", "fin", "candidats", "requis")) {
            typed.put(field, value(form, field).strip());
        }
        typed.put("centre", typed.get("centre").toUpperCase(java.util.Locale.ROOT));
        Parsed<LocalDate> debut = FrenchInput.date(typed.get("debut"), "date de début");
        Parsed<LocalDate> fin = FrenchInput.date(typed.get("fin"), "date de fin");
        OptionalLong session = RecordIds.parse(typed.get("session"));
        MissionsOfficeService.Refusal invalid = invalid(typed, debut, fin, session);
        if (invalid != null) {
            Console.erreur(ctx, invalid.getMessage());
            nouvelle(ctx, 400, typed, new MissionCreation.Resultat.Refusee(invalid.field(), invalid.getMessage()));
            return;
        }
        MissionCreation.Demande demande = new MissionCreation.Demande(typed.get("type"), session.getAsLong(), typed.get("epreuve"),
                typed.get("centre"), debut.value().get(), fin.value().get(), Integer.parseInt(typed.get("candidats")),
                typed.get("requis").isEmpty() ? null : Integer.valueOf(typed.get("requis")));
        creation.creer(TenantHandler.current(ctx), SessionUser.of(ctx).login(), SignIn.address(ctx), demande).onSuccess(result -> {
            if (result instanceof MissionCreation.Resultat.Creee created) {
                Console.information(ctx, "La mission " + created.numero() + " est créée.");
                SessionSync.redirect(ctx, listPath(ctx) + created.id());
            } else if (result instanceof MissionCreation.Resultat.Refusee refused) {
                Console.erreur(ctx, refused.message());
                nouvelle(ctx, 400, typed, refused);
            }
        }).onFailure(ctx::fail);
    }

    /** What the form alone says is wrong (the database checks the rest), or null. */
    private static MissionsOfficeService.Refusal invalid(Map<String, String> typed, Parsed<LocalDate> debut, Parsed<LocalDate> fin,
                                                         OptionalLong session) {
        if (typed.get("type").isEmpty()) {
            return new MissionsOfficeService.Refusal("type", "Choisissez le type de mission.");
        }
        if (session.isEmpty()) {
            return new MissionsOfficeService.Refusal("session", "Choisissez la session d'examen.");
        }
        if (!FrenchInput.uai(typed.get("centre"))) {
            return new MissionsOfficeService.Refusal("centre", "Le centre « " + typed.get("centre")
                    + " » n'est pas un UAI (7 chiffres et une lettre).");
        }
        MissionsOfficeService.Refusal dates = required("debut", debut, "Veuillez saisir la date de début.");
        if (dates == null) {
            dates = required("fin", fin, "Veuillez saisir la date de fin.");
        }
        if (dates != null) {
            return dates;
        }
        if (!typed.get("candidats").matches("\\d{1,4}")) {
            return new MissionsOfficeService.Refusal("candidats", "Le nombre de candidats attendus doit être un nombre entier de 0 à 9999.");
        }
        if (!typed.get("requis").isEmpty() && !typed.get("requis").matches("\\d{1,4}")) {
            return new MissionsOfficeService.Refusal("requis", "Le nombre d'intervenants requis doit être un nombre entier de 0 à 9999, ou vide.");
        }
        return null;
    }

    private void detail(RoutingContext ctx) {
        OptionalLong id = RecordIds.parse(ctx.pathParam("id"));
        if (id.isEmpty()) {
            ctx.fail(introuvable());
            return;
        }
        service.find(TenantHandler.current(ctx), id.getAsLong()).compose(found -> found.isEmpty()
                        ? Future.failedFuture(introuvable())
                        : respond(ctx, 200, found.get(), form(found.get()), null, null))
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
                return respond(ctx, 400, found.get(), typed, refused, null);
            });
        }).onFailure(ctx::fail);
    }

    private Future<Void> respond(RoutingContext ctx, int status, MissionsOfficeService.Mission mission,
                                 Map<String, Object> form, MissionsOfficeService.Refusal refusal, ConvocationForm convocation) {
        Tenant tenant = TenantHandler.current(ctx);
        Future<ConvocationForm> convocationForm = convocation != null ? Future.succeededFuture(convocation)
                : convocations.formulaire(tenant, mission.id()).map(f -> ConvocationForm.initial(
                        f.orElse(new OfficeConvocationService.Formulaire("", "", ""))));
        return convocationForm.compose(conv -> service.designations(tenant, mission.id()).compose(designations -> {
            Map<String, Object> model = new HashMap<>();
            model.put("mission", Map.of("numero", mission.numero(), "type", mission.type(), "session", mission.session(),
                    "specialite", mission.specialite(), "epreuve", mission.epreuve(), "centre", mission.centre(),
                    "candidats", mission.candidats()));
            model.put("form", form);
            model.put("action", listPath(ctx) + mission.id());
            model.put("propositions", "/" + TenantHandler.current(ctx).code() + "/administration/affectation/missions/" + mission.id());
            model.put("observationMax", MissionsOfficeService.OBSERVATION_MAX);
            List<Long> designees = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (MissionsOfficeService.Designation d : designations) {
                Map<String, Object> row = new HashMap<>();
                row.put("id", String.valueOf(d.id()));
                row.put("nom", d.nom());
                row.put("prenom", d.prenom());
                row.put("etablissement", d.etablissement());
                row.put("qualite", d.qualite());
                row.put("statut", d.statut());
                row.put("auteur", d.auteur());
                row.put("designee", d.designee());
                row.put("coche", d.designee() && conv.coches().contains(d.id()));
                rows.add(row);
                if (d.designee()) {
                    designees.add(d.id());
                }
            }
            model.put("designations", rows);
            model.put("designees", designees.stream().map(String::valueOf).collect(Collectors.joining(",")));
            model.put("nbDesignees", designees.size());
            model.put("convocation", conv.values());
            model.put("convoquer", listPath(ctx) + mission.id() + "/convoquer");
            model.put("retirer", listPath(ctx) + mission.id() + "/retirer");
            model.put("avertissements", conv.avertissements());
            model.put("observationConvocationMax", OfficeConvocationService.OBSERVATION_MAX);
            if (conv.refus() != null) {
                model.put("erreurConvocation", Map.of("champ", conv.refus().champ(), "textes", conv.refus().erreurs()));
            }
            model.put("retour", Lists.backToList(ctx, listPath(ctx)));
            if (refusal != null) {
                model.put("erreur", Map.of("champ", refusal.field(), "texte", refusal.getMessage()));
            }
            return pages.respond(ctx, status, "missions/office-detail.ftlh", model);
        }));
    }

    /**
     * "Convoquer la sélection": the ticked designations (or all those the page listed, when "Tout
     * sélectionner" is ticked) are convened at the typed hours; refused or held for confirmation,
     * the page is drawn again with what was typed.
     */
    private void convoquer(RoutingContext ctx) {
        OptionalLong id = RecordIds.parse(ctx.pathParam("id"));
        if (id.isEmpty()) {
            ctx.fail(introuvable());
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        MultiMap form = ctx.request().formAttributes();
        List<String> selection = new ArrayList<>(form.getAll("affectation"));
        if ("oui".equals(form.get("tout"))) {
            for (String designee : value(form, "designees").split(",")) {
                if (!designee.isBlank()) {
                    selection.add(designee);
                }
            }
        }
        OfficeConvocationService.Saisie saisie = new OfficeConvocationService.Saisie(selection, value(form, "heureDebut"),
                value(form, "heureFin"), value(form, "observationConvocation"), "1".equals(form.get("confirmer")));
        service.find(tenant, id.getAsLong()).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(introuvable());
            }
            return convocations.convoquer(tenant, SessionUser.of(ctx).login(), SignIn.address(ctx), id.getAsLong(), saisie)
                    .compose(resultat -> {
                        if (resultat instanceof OfficeConvocationService.Resultat.Convoquees done) {
                            done.informations().forEach(i -> Console.information(ctx, i));
                            done.avertissements().forEach(a -> Console.avertissement(ctx, a));
                            SessionSync.redirect(ctx, listPath(ctx) + id.getAsLong());
                            return Future.succeededFuture();
                        }
                        Set<Long> coches = new LinkedHashSet<>();
                        selection.forEach(s -> RecordIds.parse(s).ifPresent(coches::add));
                        Map<String, Object> typed = Map.of("debut", saisie.debut(), "fin", saisie.fin(),
                                "observation", saisie.observation());
                        if (resultat instanceof OfficeConvocationService.Resultat.AConfirmer confirm) {
                            confirm.avertissements().forEach(a -> Console.avertissement(ctx, a));
                            return respond(ctx, 200, found.get(), form(found.get()), null,
                                    new ConvocationForm(typed, coches, confirm.avertissements(), null));
                        }
                        OfficeConvocationService.Resultat.Refusee refused = (OfficeConvocationService.Resultat.Refusee) resultat;
                        refused.erreurs().forEach(e -> Console.erreur(ctx, e));
                        // A wrong form is the request's fault; a selection overtaken by events, the state's.
                        return respond(ctx, refused.champ().isEmpty() ? 409 : 400, found.get(), form(found.get()), null,
                                new ConvocationForm(typed, coches, List.of(), refused));
                    });
        }).onFailure(ctx::fail);
    }

    /** "Retirer": a designation nobody convened yet leaves the mission. */
    private void retirer(RoutingContext ctx) {
        OptionalLong id = RecordIds.parse(ctx.pathParam("id"));
        if (id.isEmpty()) {
            ctx.fail(introuvable());
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        OptionalLong affectation = RecordIds.parse(ctx.request().getFormAttribute("affectation"));
        service.find(tenant, id.getAsLong()).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(introuvable());
            }
            Future<MissionsOfficeService.Retrait> retrait = affectation.isEmpty()
                    ? Future.succeededFuture(new MissionsOfficeService.Retrait(false, "Aucune désignation à retirer n'a été indiquée."))
                    : service.retirer(tenant, SessionUser.of(ctx).login(), SignIn.address(ctx), id.getAsLong(), affectation.getAsLong());
            return retrait.map(r -> {
                if (r.fait()) {
                    Console.information(ctx, r.message());
                } else {
                    Console.erreur(ctx, r.message());
                }
                SessionSync.redirect(ctx, listPath(ctx) + id.getAsLong());
                return (Void) null;
            });
        }).onFailure(ctx::fail);
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
