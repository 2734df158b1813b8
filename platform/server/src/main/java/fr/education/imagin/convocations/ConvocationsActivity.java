package fr.education.imagin.convocations;

import fr.education.imagin.core.export.Downloads;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.list.ListScreen;
import fr.education.imagin.core.list.Lists;
import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityModule;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.menu.Establishment;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageException;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.core.web.SessionSync;
import fr.education.imagin.plugin.api.Qualites;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * "Convocation par mission" (guide §4.2): the centre's missions open to its convocations, a
 * mission's convened intervenants, and the centre's own convocations (create, modify, delete,
 * PDF, mail, zip). Handlers read the request and draw the answer; the rules live in
 * {@link MissionConvocationService} and {@link SaisieConvocation}.
 */
public final class ConvocationsActivity implements ActivityModule {

    /** The typed form kept between a refused POST and the form drawn again (fresh CSRF token). */
    private static final String SAISIE = "imagin.convocation.saisie";

    private final ListScreen list;
    private final MissionConvocationService service;
    private final ConvocationDocuments documents;
    private final ConvocationDispatch dispatch;
    private final PageRenderer pages;

    public ConvocationsActivity(Lists lists, MissionConvocationService service, ConvocationDocuments documents,
                                ConvocationDispatch dispatch, PageRenderer pages) {
        this.list = lists.screen(ConvocationsList.definition(service.rules()), "convocations/liste.ftlh");
        this.service = service;
        this.documents = documents;
        this.dispatch = dispatch;
        this.pages = pages;
    }

    @Override
    public Activity activity() {
        return Activity.CONVOCATIONS;
    }

    @Override
    public void mount(ActivityRouter routes) {
        list.mount(routes, "/");
        routes.get("/:mission").handler(this::detail);
        routes.get("/:mission/intervenants").handler(this::intervenants);
        routes.get("/:mission/nouvelle").handler(this::formulaireCreation);
        routes.post("/:mission/nouvelle").handler(this::creer);
        routes.get("/:mission/convocations.zip").handler(this::zip);
        routes.post("/:mission/mel").handler(this::envoyerTout);
        routes.get("/:mission/:affectation/modifier").handler(this::formulaireModification);
        routes.post("/:mission/:affectation/modifier").handler(this::modifier);
        routes.post("/:mission/:affectation/supprimer").handler(this::supprimer);
        routes.post("/:mission/:affectation/mel").handler(this::envoyer);
        routes.get("/:mission/:affectation/convocation.pdf").handler(this::pdf);
    }

    private static String uai(RoutingContext ctx) {
        return WorkContext.establishment(ctx).uai();
    }

    private static String missionPath(RoutingContext ctx, long missionId) {
        return Activity.CONVOCATIONS.path(TenantHandler.current(ctx).code()) + missionId;
    }

    private static PageException introuvable() {
        return new PageException(404, "Mission introuvable",
                "Cette mission n'existe pas, ne se déroule pas dans votre centre ou n'est pas ouverte aux convocations par l'établissement.");
    }

    /** The mission of the path if this centre may convene to it; otherwise the request is answered 404. */
    private Future<MissionConvocation> mission(RoutingContext ctx) {
        OptionalLong id = RecordIds.parse(ctx.pathParam("mission"));
        if (id.isEmpty()) {
            return Future.failedFuture(introuvable());
        }
        return service.mission(TenantHandler.current(ctx), uai(ctx), id.getAsLong())
                .compose(found -> found.isPresent() ? Future.succeededFuture(found.get()) : Future.failedFuture(introuvable()));
    }

    private static OptionalLong affectation(RoutingContext ctx) {
        return RecordIds.parse(ctx.pathParam("affectation"));
    }

    /**
     * The mission of the path if {@code affectationId} is a convocation the centre authored on it;
     * otherwise 404, as its GET routes answer: an office's convocation, another mission's or an
     * assigned one is not the centre's to modify, delete or mail, whatever form is posted.
     */
    private Future<MissionConvocation> missionOfOwnConvocation(RoutingContext ctx, long affectationId) {
        Tenant tenant = TenantHandler.current(ctx);
        return mission(ctx).compose(mission -> service.affectationCentre(tenant, mission.id(), affectationId)
                .compose(own -> own.isPresent() ? Future.succeededFuture(mission) : Future.failedFuture(convocationIntrouvable())));
    }

    // ---- CONV-2: the mission's convened intervenants ----

    private void detail(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        mission(ctx).compose(mission -> service.rules().convocationRefusal(tenant, mission.id())
                .compose(refusal -> service.convoques(tenant, mission.id()).compose(convoques -> {
                    String base = missionPath(ctx, mission.id());
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (MissionConvocationService.Convoque c : convoques) {
                        Map<String, Object> row = new HashMap<>();
                        row.put("affectation", c.affectation());
                        row.put("nom", c.nom());
                        row.put("prenom", c.prenom());
                        row.put("etablissement", c.etablissement());
                        row.put("discipline", c.discipline());
                        row.put("resume", c.resume());
                        row.put("parCentre", c.parCentre());
                        row.put("traite", c.traiteGestionnaire());
                        row.put("mail", c.mail());
                        row.put("pdf", base + "/" + c.affectation() + "/convocation.pdf");
                        row.put("modifier", base + "/" + c.affectation() + "/modifier");
                        row.put("supprimer", base + "/" + c.affectation() + "/supprimer");
                        row.put("envoyer", base + "/" + c.affectation() + "/mel");
                        rows.add(row);
                    }
                    long parCentre = convoques.stream().filter(MissionConvocationService.Convoque::parCentre).count();
                    return pages.respond(ctx, "convocations/detail.ftlh", Map.of(
                            "mission", missionModel(mission),
                            "convoques", rows,
                            "parCentre", parCentre,
                            "refus", refusal.orElse(""),
                            "nouvelle", base + "/nouvelle",
                            "zip", base + "/convocations.zip",
                            "envoyerTout", base + "/mel",
                            "retour", Lists.backToList(ctx, Activity.CONVOCATIONS.path(tenant.code()))));
                }))).onFailure(ctx::fail);
    }

    static Map<String, Object> missionModel(MissionConvocation m) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", m.id());
        model.put("numero", m.numero());
        model.put("type", m.type());
        model.put("session", m.session());
        model.put("specialite", m.specialite());
        model.put("epreuve", m.epreuve());
        model.put("debut", FrenchFormats.date(m.debut()));
        model.put("fin", FrenchFormats.date(m.fin()));
        model.put("candidats", m.candidats());
        model.put("signature", m.signatureLibelle());
        model.put("santorin", m.transmittedToSantorin());
        return model;
    }

    // ---- CONV-3: live suggestions ----

    private void intervenants(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        String nom = ctx.request().getParam("nom");
        String discipline = ctx.request().getParam("discipline");
        mission(ctx).compose(mission -> nom != null ? service.rechercher(tenant, nom)
                        : service.enseignants(tenant, uai(ctx), discipline))
                .onSuccess(found -> {
                    JsonArray json = new JsonArray();
                    found.forEach(p -> json.add(new JsonObject().put("id", p.id()).put("nom", p.nom()).put("prenom", p.prenom())
                            .put("etablissement", p.etablissement()).put("discipline", p.discipline())));
                    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                            .putHeader("Cache-Control", "no-store").end(json.encode());
                }).onFailure(ctx::fail);
    }

    // ---- CONV-3…CONV-10: the form ----

    private void formulaireCreation(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        mission(ctx).compose(mission -> service.rules().convocationRefusal(tenant, mission.id()).compose(refusal -> {
            if (refusal.isPresent()) {
                // CONV-9: said at the selection of the mission, and no form.
                Console.erreur(ctx, refusal.get());
                SessionSync.redirect(ctx, missionPath(ctx, mission.id()));
                return Future.succeededFuture();
            }
            Optional<Etat> etat = etat(ctx, mission.id(), -1);
            SaisieConvocation saisie = etat.map(Etat::saisie).orElseGet(() -> SaisieConvocation.initiale(mission, List.of()));
            return formulaire(ctx, mission, saisie, etat, Optional.empty());
        })).onFailure(ctx::fail);
    }

    private void formulaireModification(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        OptionalLong affectationId = affectation(ctx);
        mission(ctx).compose(mission -> affectationId.isEmpty() ? Future.failedFuture(convocationIntrouvable())
                : service.affectationCentre(tenant, mission.id(), affectationId.getAsLong()).compose(found -> {
                    if (found.isEmpty()) {
                        return Future.failedFuture(convocationIntrouvable());
                    }
                    if (found.get().traiteGestionnaire()) {
                        Console.erreur(ctx, MissionConvocationService.TRAITEE);
                        SessionSync.redirect(ctx, missionPath(ctx, mission.id()));
                        return Future.succeededFuture();
                    }
                    Optional<Etat> etat = etat(ctx, mission.id(), affectationId.getAsLong());
                    return formulaire(ctx, mission, etat.map(Etat::saisie).orElse(found.get().saisie()), etat,
                            Optional.of(found.get()));
                })).onFailure(ctx::fail);
    }

    private static PageException convocationIntrouvable() {
        return new PageException(404, "Convocation introuvable",
                "Cette convocation n'existe pas, n'appartient pas à cette mission ou n'a pas été créée par votre centre : "
                        + "une convocation du service gestionnaire ne peut être ni consultée en détail, ni modifiée, ni supprimée.");
    }

    private Future<Void> formulaire(RoutingContext ctx, MissionConvocation mission, SaisieConvocation saisie,
                                    Optional<Etat> etat, Optional<MissionConvocationService.AffectationCentre> modification) {
        Tenant tenant = TenantHandler.current(ctx);
        List<Long> choisis = new ArrayList<>();
        saisie.personnels().forEach(p -> RecordIds.parse(p).ifPresent(choisis::add));
        // Without script, the searches come back as query parameters and their results are drawn here.
        String nom = Optional.ofNullable(ctx.request().getParam("nom")).orElse("");
        String discipline = Optional.ofNullable(ctx.request().getParam("discipline")).orElse("");
        Future<List<MissionConvocationService.Intervenant>> trouves = modification.isPresent() ? Future.succeededFuture(List.of())
                : !nom.isBlank() ? service.rechercher(tenant, nom)
                : !discipline.isBlank() ? service.enseignants(tenant, uai(ctx), discipline) : Future.succeededFuture(List.of());
        Future<List<String>> qualites = mission.qualites().source() == Qualites.Source.OFFICE_LIST
                ? service.qualitesBureau(tenant) : Future.succeededFuture(mission.qualites().offered());
        return trouves.compose(found -> service.intervenants(tenant, choisis).compose(selected -> qualites.compose(q ->
                (modification.isPresent() ? Future.succeededFuture(List.<String>of()) : service.disciplines(tenant, uai(ctx)))
                        .compose(disciplines -> {
                            Map<String, Object> model = new HashMap<>();
                            model.put("mission", missionModel(mission));
                            model.put("modification", modification.isPresent());
                            modification.ifPresent(m -> model.put("personne", personModel(m.personne(), true)));
                            String base = missionPath(ctx, mission.id());
                            model.put("action", modification.map(m -> base + "/" + m.id() + "/modifier").orElse(base + "/nouvelle"));
                            model.put("recherche", base + "/nouvelle");
                            model.put("suggestions", base + "/intervenants");
                            model.put("retour", base);
                            model.put("rechercheNom", nom);
                            model.put("rechercheDiscipline", discipline);
                            model.put("rechercheFaite", !nom.isBlank() || !discipline.isBlank());
                            model.put("disciplines", disciplines);
                            List<Map<String, Object>> identifies = new ArrayList<>();
                            Set<Long> deja = new LinkedHashSet<>();
                            selected.forEach(p -> {
                                identifies.add(personModel(p, true));
                                deja.add(p.id());
                            });
                            // A discipline's teachers are all pre-checked (guide §4.2.3); a name search proposes.
                            found.stream().filter(p -> !deja.contains(p.id()))
                                    .forEach(p -> identifies.add(personModel(p, !discipline.isBlank())));
                            model.put("identifies", identifies);
                            model.put("qualites", q);
                            model.put("qualiteSource", mission.qualites().source().name());
                            model.put("qualiteParDefaut", mission.qualites().whenNoneChosen().orElse(""));
                            model.put("commissions", mission.commissions().stream().map(c -> Map.of("id", String.valueOf(c.id()),
                                    "code", c.code(), "salle", c.salle(), "candidats", c.candidats())).toList());
                            model.put("jurys", mission.jurys().stream().map(j -> Map.of("id", String.valueOf(j.id()), "code", j.code())).toList());
                            model.put("dates", dates(mission, saisie));
                            model.put("datesAvecCommission", !mission.commissions().isEmpty());
                            model.put("saisie", saisieModel(saisie));
                            model.put("erreurs", etat.map(Etat::erreurs).orElse(List.of()));
                            model.put("avertissements", etat.map(Etat::avertissements).orElse(List.of()));
                            model.put("question", etat.map(Etat::question).orElse(false));
                            model.put("dateRule", mission.dateRule().name());
                            model.put("salleMax", SaisieConvocation.SALLE_MAX);
                            model.put("observationMax", SaisieConvocation.OBSERVATION_MAX);
                            return pages.respond(ctx, "convocations/saisie.ftlh", model);
                        }))));
    }

    private static Map<String, Object> personModel(MissionConvocationService.Intervenant p, boolean coche) {
        return Map.of("id", String.valueOf(p.id()), "nom", p.nom(), "prenom", p.prenom(), "etablissement", p.etablissement(),
                "discipline", p.discipline(), "coche", coche);
    }

    /** CONV-6: every permitted day (of the mission or of one of its commissions), ticked as saved or typed. */
    private static List<Map<String, Object>> dates(MissionConvocation mission, SaisieConvocation saisie) {
        Map<LocalDate, List<String>> commissionsParJour = new LinkedHashMap<>();
        if (mission.commissions().isEmpty()) {
            mission.jours().forEach(j -> commissionsParJour.put(j, List.of()));
        } else {
            for (MissionConvocation.Commission c : mission.commissions()) {
                for (LocalDate j : mission.joursPermis(Optional.of(c))) {
                    commissionsParJour.computeIfAbsent(j, k -> new ArrayList<>()).add(String.valueOf(c.id()));
                }
            }
        }
        List<Map<String, Object>> dates = new ArrayList<>();
        commissionsParJour.keySet().stream().sorted().forEach(jour -> {
            String iso = jour.toString();
            SaisieConvocation.Horaire h = saisie.horaires().getOrDefault(iso, new SaisieConvocation.Horaire("", ""));
            boolean coche = saisie.jours().contains(iso);
            dates.add(Map.of("iso", iso, "libelle", FrenchFormats.dayDate(jour), "date", FrenchFormats.date(jour),
                    "commissions", String.join(" ", commissionsParJour.get(jour)), "coche", coche,
                    "debut", h.debut().isEmpty() && coche ? "08:00" : h.debut(),
                    "fin", h.fin().isEmpty() && coche ? "18:00" : h.fin()));
        });
        return dates;
    }

    private static Map<String, Object> saisieModel(SaisieConvocation s) {
        return Map.of("qualite", s.qualite(), "commission", s.commission(), "jury", s.jury(), "salle", s.salle(),
                "observation", s.observation(), "surMission", s.surMission(), "confirmee", s.confirmee());
    }

    private static SaisieConvocation lireFormulaire(RoutingContext ctx) {
        MultiMap form = ctx.request().formAttributes();
        List<String> jours = form.getAll("jour");
        Map<String, SaisieConvocation.Horaire> horaires = new LinkedHashMap<>();
        for (String name : form.names()) {
            if (name.startsWith("debut-")) {
                String iso = name.substring("debut-".length());
                horaires.put(iso, new SaisieConvocation.Horaire(value(form, "debut-" + iso), value(form, "fin-" + iso)));
            }
        }
        return new SaisieConvocation(form.getAll("personnel"), value(form, "qualite"), value(form, "commission"),
                value(form, "jury"), value(form, "salle"), value(form, "observation"), jours, horaires,
                value(form, "surMission"), "1".equals(form.get("confirmer")));
    }

    private static String value(MultiMap form, String name) {
        String v = form.get(name);
        return v == null ? "" : v;
    }

    private void creer(RoutingContext ctx) {
        enregistrer(ctx, OptionalLong.empty());
    }

    private void modifier(RoutingContext ctx) {
        OptionalLong affectationId = affectation(ctx);
        if (affectationId.isEmpty()) {
            ctx.fail(convocationIntrouvable());
            return;
        }
        enregistrer(ctx, affectationId);
    }

    private void enregistrer(RoutingContext ctx, OptionalLong affectationId) {
        Tenant tenant = TenantHandler.current(ctx);
        SaisieConvocation saisie = lireFormulaire(ctx);
        Optional<Boolean> surMission = switch (saisie.surMission()) {
            case "oui" -> Optional.of(true);
            case "non" -> Optional.of(false);
            default -> Optional.empty();
        };
        String actor = SessionUser.of(ctx).login();
        Future<MissionConvocation> found = affectationId.isPresent() ? missionOfOwnConvocation(ctx, affectationId.getAsLong())
                : mission(ctx);
        found.compose(mission -> {
            String formPath = missionPath(ctx, mission.id()) + affectationId.stream().mapToObj(a -> "/" + a + "/modifier")
                    .findFirst().orElse("/nouvelle");
            SaisieConvocation.Lecture lecture = saisie.lire(mission);
            if (lecture.demande().isEmpty()) {
                return refuser(ctx, mission.id(), affectationId, saisie, lecture.erreurs(), List.of(), false, formPath);
            }
            SaisieConvocation.Demande demande = lecture.demande().get();
            Future<MissionConvocationService.Resultat> resultat = affectationId.isPresent()
                    ? service.modifier(tenant, uai(ctx), actor, mission, affectationId.getAsLong(), demande, saisie.confirmee(), surMission)
                    : service.convoquer(tenant, uai(ctx), actor, mission, demande, saisie.confirmee(), surMission);
            return resultat.compose(r -> {
                if (r instanceof MissionConvocationService.Resultat.Enregistree done) {
                    ctx.session().remove(SAISIE);
                    Console.information(ctx, affectationId.isPresent() ? "La convocation est modifiée."
                            : done.personnes() > 1 ? done.personnes() + " intervenants sont convoqués sur la mission n° " + mission.numero() + "."
                            : "L'intervenant est convoqué sur la mission n° " + mission.numero() + ".");
                    SessionSync.redirect(ctx, missionPath(ctx, mission.id()));
                    return Future.succeededFuture();
                }
                if (r instanceof MissionConvocationService.Resultat.Refusee refused) {
                    return refuser(ctx, mission.id(), affectationId, saisie, refused.erreurs(), List.of(), false, formPath);
                }
                if (r instanceof MissionConvocationService.Resultat.AConfirmer confirm) {
                    return refuser(ctx, mission.id(), affectationId, saisie, List.of(), confirm.avertissements(), false, formPath);
                }
                return refuser(ctx, mission.id(), affectationId, saisie, List.of(), List.of(), true, formPath);
            });
        }).onFailure(ctx::fail);
    }

    /** Keeps what was typed and why it was not saved, then draws the form again through a GET. */
    private static Future<Void> refuser(RoutingContext ctx, long missionId, OptionalLong affectationId, SaisieConvocation saisie,
                                        List<String> erreurs, List<String> avertissements, boolean question, String formPath) {
        if (!erreurs.isEmpty()) {
            Console.erreur(ctx, "La convocation n'a pas été enregistrée.");
            erreurs.forEach(e -> Console.erreur(ctx, e));
        }
        avertissements.forEach(a -> Console.avertissement(ctx, a));
        ctx.session().put(SAISIE, new JsonObject().put("mission", missionId).put("affectation", affectationId.orElse(-1))
                .put("saisie", saisie.toJson()).put("erreurs", new JsonArray(erreurs))
                .put("avertissements", new JsonArray(avertissements)).put("question", question));
        SessionSync.redirect(ctx, formPath);
        return Future.succeededFuture();
    }

    private record Etat(SaisieConvocation saisie, List<String> erreurs, List<String> avertissements, boolean question) {
    }

    /** The refused form of this mission and affectation, once: a later visit starts afresh. */
    private static Optional<Etat> etat(RoutingContext ctx, long missionId, long affectationId) {
        if (ctx.session() == null) {
            return Optional.empty();
        }
        Object stored = ctx.session().get(SAISIE);
        if (!(stored instanceof JsonObject json) || json.getLong("mission", 0L) != missionId
                || json.getLong("affectation", -1L) != affectationId) {
            return Optional.empty();
        }
        ctx.session().remove(SAISIE);
        List<String> erreurs = new ArrayList<>();
        json.getJsonArray("erreurs", new JsonArray()).forEach(e -> erreurs.add(String.valueOf(e)));
        List<String> avertissements = new ArrayList<>();
        json.getJsonArray("avertissements", new JsonArray()).forEach(e -> avertissements.add(String.valueOf(e)));
        return Optional.of(new Etat(SaisieConvocation.fromJson(json.getJsonObject("saisie", new JsonObject())), erreurs,
                avertissements, json.getBoolean("question", false)));
    }

    private void supprimer(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        OptionalLong affectationId = affectation(ctx);
        if (affectationId.isEmpty()) {
            ctx.fail(convocationIntrouvable());
            return;
        }
        missionOfOwnConvocation(ctx, affectationId.getAsLong())
                .compose(mission -> service.supprimer(tenant, SessionUser.of(ctx).login(), mission, affectationId.getAsLong())
                .map(r -> {
                    if (r instanceof MissionConvocationService.Resultat.Refusee refused) {
                        refused.erreurs().forEach(e -> Console.erreur(ctx, e));
                    } else {
                            Console.information(ctx, "La convocation est supprimée : l'intervenant n'est plus convoqué sur cette mission.");
                    }
                    SessionSync.redirect(ctx, missionPath(ctx, mission.id()));
                    return (Void) null;
                })).onFailure(ctx::fail);
    }

    // ---- Documents: PDF (CONV-2), zip (CONV-12), mail (CONV-2, CONV-13) ----

    private void pdf(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        OptionalLong affectationId = affectation(ctx);
        mission(ctx).compose(mission -> affectationId.isEmpty() ? Future.failedFuture(convocationIntrouvable())
                : dispatch.document(tenant, uai(ctx), mission.id(), affectationId.getAsLong())).compose(document -> document.isEmpty()
                ? Future.failedFuture(convocationIntrouvable())
                : Downloads.prepare(ctx.response(), "application/pdf", document.get().fileName()).end(document.get().pdf()))
                .onFailure(ctx::fail);
    }

    /** The ids the page still shows after its keyword filter ({@code affectations=1,2}); empty = all. */
    private static Set<Long> selection(String param) {
        Set<Long> ids = new LinkedHashSet<>();
        if (param != null) {
            for (String part : param.split(",")) {
                RecordIds.parse(part).ifPresent(ids::add);
            }
        }
        return ids;
    }

    private void zip(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        Set<Long> selection = selection(ctx.request().getParam("affectations"));
        mission(ctx).compose(mission -> dispatch.zip(ctx, tenant, uai(ctx), mission, selection)).onFailure(ctx::fail);
    }

    private void envoyer(RoutingContext ctx) {
        OptionalLong affectationId = affectation(ctx);
        if (affectationId.isEmpty()) {
            ctx.fail(convocationIntrouvable());
            return;
        }
        envoyer(ctx, missionOfOwnConvocation(ctx, affectationId.getAsLong()), Set.of(affectationId.getAsLong()), true);
    }

    private void envoyerTout(RoutingContext ctx) {
        envoyer(ctx, mission(ctx), selection(ctx.request().getFormAttribute("affectations")), false);
    }

    private void envoyer(RoutingContext ctx, Future<MissionConvocation> found, Set<Long> selection, boolean une) {
        Tenant tenant = TenantHandler.current(ctx);
        Establishment centre = WorkContext.establishment(ctx);
        found.compose(mission -> dispatch.mail(tenant, centre, SessionUser.of(ctx).login(), mission, selection, une)
                .map(report -> {
                    report.erreurs().forEach(e -> Console.erreur(ctx, e));
                    report.avertissements().forEach(a -> Console.avertissement(ctx, a));
                    if (report.envoyes() > 0) {
                        Console.information(ctx, report.message());
                    }
                    SessionSync.redirect(ctx, missionPath(ctx, mission.id()));
                    return (Void) null;
                })).onFailure(ctx::fail);
    }
}
