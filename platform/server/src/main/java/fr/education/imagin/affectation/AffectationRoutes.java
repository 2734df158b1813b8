package fr.education.imagin.affectation;

import fr.education.imagin.core.format.FrenchFormats;
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
import fr.education.imagin.missions.MissionNeeds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * "Affectation automatique" under {@code /:tenant/administration/affectation/}: the académie's
 * exam sessions, and for one of them the solver's run (launch, progress, stop) and the review of
 * its proposal, accepted all or in part. Gestionnaires of the académie and national admins only
 * ({@link AcademyOffice}); the handlers only read the form and hand over to the services.
 */
public final class AffectationRoutes {

    static final String PATH = "/administration/affectation/";

    private final AffectationService service;
    private final AffectationRuns runs;
    private final MissionNeeds needs;
    private final PageRenderer pages;

    public AffectationRoutes(AffectationService service, AffectationRuns runs, MissionNeeds needs, PageRenderer pages) {
        this.service = service;
        this.runs = runs;
        this.needs = needs;
        this.pages = pages;
    }

    public void mount(Router router) {
        String base = "/:tenant" + PATH;
        router.route(base + "*").handler(new AcademyOffice());
        router.get(base).handler(this::sessions);
        router.get(base + "sessions/:id").handler(this::session);
        router.get(base + "sessions/:id/etat").handler(this::etat);
        router.post(base + "sessions/:id/lancer").handler(this::lancer);
        router.post(base + "sessions/:id/besoins").handler(this::besoins);
        router.post(base + "sessions/:id/convocation").handler(this::convocation);
        router.post(base + "sessions/:id/calculs/:calcul/arreter").handler(this::arreter);
        router.post(base + "sessions/:id/calculs/:calcul/accepter").handler(this::accepter);
        router.get(base + "missions/:id").handler(this::candidats);
        router.post(base + "missions/:id").handler(this::designer);
    }

    private static String missionPath(RoutingContext ctx, long id) {
        return home(ctx) + "missions/" + id;
    }

    /** One mission's proposals, ranked: the office ticks whom to designate. */
    private void candidats(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        service.candidats(tenant, id.getAsLong()).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new PageException(404, "Mission introuvable", "Cette mission n'existe pas dans cette académie."));
            }
            AffectationService.MissionCandidats m = found.get();
            Map<String, Object> model = new HashMap<>();
            model.put("mission", Map.of("numero", m.numero(), "session", m.session(), "type", m.type(), "epreuve", m.epreuve(),
                    "centre", m.centre(), "placesLibres", m.placesLibres()));
            model.put("commissions", m.commissions().stream().map(c -> Map.of("id", c.id(), "code", c.code())).toList());
            model.put("candidats", m.candidats().stream().map(c -> Map.of("id", c.id(), "nom", c.nom(),
                    "etablissement", c.etablissement(), "distance", c.distanceKm() == null ? "" : c.distanceKm() + " km",
                    "charge", c.charge(), "disponible", c.disponible())).toList());
            model.put("action", missionPath(ctx, m.missionId()));
            model.put("retour", "/" + tenant.code() + "/administration/missions/" + m.missionId());
            model.put("sessionLien", sessionPath(ctx, m.sessionId()));
            return pages.respond(ctx, 200, "affectation/mission.ftlh", model);
        }).onFailure(ctx::fail);
    }

    private void designer(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        List<Long> personnes = new java.util.ArrayList<>();
        for (String value : ctx.request().formAttributes().getAll("personnel")) {
            RecordIds.parse(value).ifPresent(personnes::add);
        }
        String commissionValue = ctx.request().getFormAttribute("commission");
        OptionalLong commission = RecordIds.parse(commissionValue);
        if (personnes.isEmpty()) {
            Console.erreur(ctx, "Sélectionnez au moins une personne à désigner.");
            SessionSync.redirect(ctx, missionPath(ctx, id.getAsLong()));
            return;
        }
        service.designer(TenantHandler.current(ctx), SessionUser.of(ctx).login(), SignIn.address(ctx), id.getAsLong(),
                List.copyOf(new LinkedHashSet<>(personnes)),
                commission.isPresent() ? Optional.of(commission.getAsLong()) : Optional.empty()).onSuccess(result -> {
            report(ctx, result, "de la mission");
            SessionSync.redirect(ctx, missionPath(ctx, id.getAsLong()));
        }).onFailure(ctx::fail);
    }

    /** What a designation did, in the console: how many people, or why nothing was written. */
    private static void report(RoutingContext ctx, AffectationService.Acceptation result, String where) {
        if (result instanceof AffectationService.Acceptation.Faite done) {
            Console.information(ctx, done.designes() + (done.designes() > 1 ? " personnes sont désignées" : " personne est désignée")
                    + " (statut « Affectée ») : convoquez-les depuis la page " + where + ".");
        } else if (result instanceof AffectationService.Acceptation.Refusee refused) {
            Console.erreur(ctx, "Rien n'a été enregistré. " + String.join(" ", refused.raisons()));
        }
    }

    private static String home(RoutingContext ctx) {
        return "/" + TenantHandler.current(ctx).code() + PATH;
    }

    private static String sessionPath(RoutingContext ctx, long id) {
        return home(ctx) + "sessions/" + id;
    }

    private static PageException introuvable() {
        return new PageException(404, "Session introuvable", "Cette session d'examen n'a pas de mission dans cette académie.");
    }

    private void sessions(RoutingContext ctx) {
        service.sessions(TenantHandler.current(ctx)).compose(list -> pages.respond(ctx, 200, "affectation/sessions.ftlh", Map.of(
                "sessions", list.stream().map(s -> Map.of("id", s.id(), "libelle", s.libelle(), "missions", s.missions(),
                        "affectations", s.affectations(), "dernier", s.dernierCalcul().map(AffectationRoutes::etatLibelle).orElse(""),
                        "lien", sessionPath(ctx, s.id()))).toList()))).onFailure(ctx::fail);
    }

    /** The session's page: what it needs, the last run (progress or proposal) and the actions. */
    private void session(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        service.session(tenant, id.getAsLong()).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(introuvable());
            }
            AffectationService.Session session = found.get();
            return service.bilan(tenant, session.id()).compose(bilan -> runs.dernier(tenant, session.id()).compose(calcul -> {
                Future<List<AffectationService.Proposition>> proposition = calcul.isPresent() && !calcul.get().enCours()
                        ? service.proposition(tenant, calcul.get().id()) : Future.succeededFuture(List.of());
                return proposition.compose(rows -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("sessionExamen", Map.of("libelle", session.libelle(), "missions", bilan.missions(),
                            "sansNombre", bilan.sansNombreRequis(), "postes", bilan.postes(), "affectations", session.affectations()));
                    model.put("retour", home(ctx));
                    model.put("lancer", sessionPath(ctx, session.id()) + "/lancer");
                    model.put("besoins", sessionPath(ctx, session.id()) + "/besoins");
                    model.put("convocation", sessionPath(ctx, session.id()) + "/convocation");
                    model.put("convocationOuverte", session.convocationOuverte());
                    model.put("etat", sessionPath(ctx, session.id()) + "/etat");
                    model.put("missionsLien", "/" + tenant.code() + "/administration/missions/");
                    calcul.ifPresent(c -> model.put("calcul", calculModel(ctx, session.id(), c)));
                    model.put("propositions", rows.stream().map(AffectationRoutes::propositionModel).toList());
                    model.put("aAccepter", rows.stream().filter(p -> p.personnelId() != null && !p.acceptee()).count());
                    return pages.respond(ctx, 200, "affectation/session.ftlh", model);
                });
            }));
        }).onFailure(ctx::fail);
    }

    private static Map<String, Object> calculModel(RoutingContext ctx, long sessionId, AffectationRuns.Calcul c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enCours", c.enCours());
        m.put("etat", etatLibelle(c.etat()));
        m.put("code", c.etat());
        m.put("avancement", c.avancement());
        m.put("etape", c.etape());
        m.put("postes", c.postes());
        m.put("pourvus", c.pourvus());
        m.put("lancePar", c.lancePar());
        m.put("lanceLe", FrenchFormats.dateTime(c.lanceLe()));
        m.put("finiLe", c.finiLe().map(FrenchFormats::dateTime).orElse(""));
        m.put("duree", c.dureeMs().map(ms -> String.format(java.util.Locale.FRANCE, "%.1f s", ms / 1000.0)).orElse(""));
        m.put("contraintesDures", c.score().map(s -> -s.dur()).orElse(0L));
        m.put("penalite", c.score().map(s -> -s.souple()).orElse(0L));
        m.put("arreter", sessionPath(ctx, sessionId) + "/calculs/" + c.id() + "/arreter");
        m.put("accepter", sessionPath(ctx, sessionId) + "/calculs/" + c.id() + "/accepter");
        return m;
    }

    private static Map<String, Object> propositionModel(AffectationService.Proposition p) {
        Map<String, Object> m = new HashMap<>();
        m.put("poste", p.poste());
        m.put("mission", p.mission());
        m.put("type", p.type());
        m.put("epreuve", p.epreuve());
        m.put("centre", p.centre());
        m.put("commission", p.commission());
        m.put("pourvu", p.personnelId() != null);
        m.put("intervenant", p.intervenant());
        m.put("etablissement", p.etablissement());
        m.put("distance", p.distanceKm() == null ? "" : p.distanceKm() + " km");
        m.put("charge", p.charge());
        m.put("acceptee", p.acceptee());
        return m;
    }

    static String etatLibelle(String etat) {
        return switch (etat) {
            case "EN_COURS" -> "En cours";
            case "TERMINE" -> "Terminé";
            case "ARRETE" -> "Arrêté";
            default -> "Échec";
        };
    }

    private void etat(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        runs.dernier(TenantHandler.current(ctx), id.getAsLong()).onSuccess(calcul -> {
            JsonObject body = calcul.map(c -> new JsonObject().put("id", c.id()).put("etat", c.etat()).put("avancement", c.avancement())
                    .put("etape", c.etape()).put("postes", c.postes()).put("pourvus", c.pourvus()))
                    .orElse(new JsonObject().put("etat", "AUCUN"));
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
                    .end(body.encode());
        }).onFailure(ctx::fail);
    }

    private void lancer(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        service.session(tenant, id.getAsLong()).compose(found -> found.isEmpty() ? Future.failedFuture(introuvable())
                : runs.lancer(tenant, found.get().id(), found.get().annee(), SessionUser.of(ctx).login())).onSuccess(started -> {
            if (started.isPresent()) {
                Console.information(ctx, "L'affectation automatique est lancée : la proposition s'affiche ici à la fin du calcul."
                        + " Rien n'est enregistré avant que vous l'acceptiez.");
            } else {
                Console.erreur(ctx, "Une affectation automatique de cette session est déjà en cours : attendez sa fin ou arrêtez-la.");
            }
            SessionSync.redirect(ctx, sessionPath(ctx, id.getAsLong()));
        }).onFailure(ctx::fail);
    }

    /** EC-6: "Ouvrir la session à la convocation" / "Fermer la session à la convocation". */
    private void convocation(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        boolean ouverte = "oui".equals(ctx.request().getFormAttribute("ouverte"));
        Tenant tenant = TenantHandler.current(ctx);
        service.session(tenant, id.getAsLong()).compose(found -> found.isEmpty() ? Future.failedFuture(introuvable())
                : service.convocation(tenant, SessionUser.of(ctx).login(), SignIn.address(ctx), id.getAsLong(), ouverte))
                .onSuccess(v -> {
                    Console.information(ctx, ouverte
                            ? "La session est ouverte à la convocation : les centres et le service gestionnaire peuvent convoquer."
                            : "La session est fermée à la convocation : plus aucune convocation n'est possible sur ses missions.");
                    SessionSync.redirect(ctx, sessionPath(ctx, id.getAsLong()));
                }).onFailure(ctx::fail);
    }

    /** "Fixer les besoins": one person per N expected candidates on the session's missions without a count. */
    private void besoins(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        String typed = String.valueOf(ctx.request().getFormAttribute("candidatsParIntervenant")).strip();
        if (!typed.matches("\\d{1,4}") || Integer.parseInt(typed) < 1) {
            Console.erreur(ctx, "Le nombre de candidats par intervenant « " + ("null".equals(typed) ? "" : typed)
                    + " » doit être un nombre entier de 1 à " + MissionNeeds.CANDIDATS_MAX + " : rien n'a été modifié.");
            SessionSync.redirect(ctx, sessionPath(ctx, id.getAsLong()));
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        service.session(tenant, id.getAsLong()).compose(found -> found.isEmpty() ? Future.failedFuture(introuvable())
                : needs.parDefaut(tenant, SessionUser.of(ctx).login(), SignIn.address(ctx), id.getAsLong(), Integer.parseInt(typed)))
                .onSuccess(changed -> {
                    Console.information(ctx, changed + (changed > 1 ? " missions ont" : " mission a")
                            + " désormais un nombre d'intervenants requis (un pour " + typed + " candidats attendus).");
                    SessionSync.redirect(ctx, sessionPath(ctx, id.getAsLong()));
                }).onFailure(ctx::fail);
    }

    private void arreter(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        OptionalLong calcul = id.isEmpty() ? OptionalLong.empty() : RecordIds.fromPath(ctx, "calcul");
        if (calcul.isEmpty()) {
            return;
        }
        runs.arreter(TenantHandler.current(ctx), id.getAsLong(), calcul.getAsLong()).onSuccess(stopped -> {
            if (stopped) {
                Console.information(ctx, "Arrêt demandé : la meilleure proposition trouvée jusqu'ici va s'afficher.");
            } else {
                Console.erreur(ctx, "Ce calcul n'est plus en cours.");
            }
            SessionSync.redirect(ctx, sessionPath(ctx, id.getAsLong()));
        }).onFailure(ctx::fail);
    }

    /** "Accepter la sélection" (the ticked places) or "Tout accepter" (every filled place not yet accepted). */
    private void accepter(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        OptionalLong calcul = id.isEmpty() ? OptionalLong.empty() : RecordIds.fromPath(ctx, "calcul");
        if (calcul.isEmpty()) {
            return;
        }
        boolean tout = "tout".equals(ctx.request().getFormAttribute("choix"));
        Set<Integer> postes = new LinkedHashSet<>();
        for (String value : ctx.request().formAttributes().getAll("poste")) {
            if (value.matches("\\d{1,9}")) {
                postes.add(Integer.valueOf(value));
            }
        }
        if (!tout && postes.isEmpty()) {
            Console.erreur(ctx, "Sélectionnez au moins une proposition à accepter, ou choisissez « Tout accepter ».");
            SessionSync.redirect(ctx, sessionPath(ctx, id.getAsLong()));
            return;
        }
        service.accepter(TenantHandler.current(ctx), SessionUser.of(ctx).login(), SignIn.address(ctx), id.getAsLong(),
                calcul.getAsLong(), tout ? Optional.empty() : Optional.of(postes)).onSuccess(result -> {
            report(ctx, result, "de chaque mission");
            SessionSync.redirect(ctx, sessionPath(ctx, id.getAsLong()));
        }).onFailure(ctx::fail);
    }
}
