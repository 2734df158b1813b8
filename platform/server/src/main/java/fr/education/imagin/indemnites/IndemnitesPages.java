package fr.education.imagin.indemnites;

import fr.education.imagin.convocations.MissionConvocationService;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageException;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.core.web.SessionSync;
import fr.education.imagin.indemnites.IccSaisieService.Cle;
import fr.education.imagin.indemnites.IccSaisieCheck.Demande;
import fr.education.imagin.indemnites.IccSaisieCheck.DemandeLigne;
import fr.education.imagin.indemnites.IccSaisieService.Resultat;
import fr.education.imagin.indemnites.IccSaisieService.Saisie;
import fr.education.imagin.plugin.api.IccPeriode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The screen of one ICC (guide §4.5.1, §4.5.2): the period's input and its distribution, or the
 * saved declaration with "Modifier", "Supprimer" and "Transmettre", read-only once transmitted.
 * The exam centre ({@link IndemnitesActivity}) and the academy office ({@link IndemnitesOfficeRoutes},
 * prefill and reopening) both draw it from here, each with its {@link Acces}.
 */
final class IndemnitesPages {

    /** ICC-4, word for word. */
    static final String CONFIRMATION = "Êtes-vous sûr de vouloir valider et envoyer cette saisie d'indemnités ? Votre saisie va"
            + " être transmise au service Gestionnaire et vous ne pourrez plus la modifier en ligne. Pour la modifier, vous"
            + " devrez contacter le service en question.";
    static final String TRANSMISES = "Vos indemnités ont été transmises au service Gestionnaire. Pour toute modification,"
            + " veuillez contacter ce service.";

    /** The typed page kept between a refused POST and the page drawn again. */
    private static final String TYPED = "imagin.indemnites.saisie";

    /**
     * Who is looking: {@code uai} the centre, {@code base} the path the session ids follow,
     * {@code retour} the way back, {@code recherche} the people search, {@code office} the
     * academy office (prefills, never transmits).
     */
    record Acces(String uai, String base, String retour, String recherche, boolean office) {
    }

    private final IccSessions sessions;
    private final IccSaisieService service;
    private final MissionConvocationService personnes;
    private final PageRenderer pages;

    IndemnitesPages(IccSessions sessions, IccSaisieService service, MissionConvocationService personnes, PageRenderer pages) {
        this.sessions = sessions;
        this.service = service;
        this.personnes = personnes;
        this.pages = pages;
    }

    IccSessions sessions() {
        return sessions;
    }

    IccSaisieService service() {
        return service;
    }

    static String periodePath(IccPeriode periode) {
        return periode.name().toLowerCase(Locale.ROOT);
    }

    static String statutLibelle(String statut) {
        return statut == null ? "Non saisie" : "TRANSMIS".equals(statut) ? "Transmis" : "Non Transmis";
    }

    static String suiviLibelle(String suivi) {
        return suivi == null ? "" : switch (suivi) {
            case "INITIALISE" -> "Initialisé";
            case "VALIDE" -> "Validé";
            case "REJETE" -> "Rejeté";
            case "ACCEPTE" -> "Accepté";
            default -> suivi;
        };
    }

    static PageException introuvable() {
        return new PageException(404, "Session introuvable", "Cette session d'examen n'existe pas, votre établissement n'en est pas"
                + " centre d'examen ou elle n'est pas concernée par les indemnités des chefs de centre.");
    }

    /** The key of the page's saisie: the session must be one of the centre's, the period one of its scheme's. */
    private Future<Cle> cle(RoutingContext ctx, Acces acces) {
        OptionalLong id = RecordIds.parse(ctx.pathParam("session"));
        Optional<IccPeriode> periode = Arrays.stream(IccPeriode.values())
                .filter(p -> periodePath(p).equals(ctx.pathParam("periode"))).findFirst();
        if (id.isEmpty() || periode.isEmpty() || acces.uai() == null) {
            return Future.failedFuture(introuvable());
        }
        Tenant tenant = TenantHandler.current(ctx);
        return sessions.duCentre(tenant, acces.uai(), id.getAsLong()).compose(found -> found
                .map(s -> Future.succeededFuture(new Cle(acces.uai(), s, periode.get())))
                .orElseGet(() -> Future.failedFuture(introuvable())));
    }

    private static String page(Acces acces, Cle cle) {
        return acces.base() + cle.session().id() + "/" + periodePath(cle.periode());
    }

    // ---- the page ----

    void afficher(RoutingContext ctx, Acces acces) {
        Tenant tenant = TenantHandler.current(ctx);
        cle(ctx, acces).compose(cle -> sessions.icc().bareme(tenant, cle.session().examCode(), cle.session().annee())
                .compose(bareme -> {
                    if (!bareme.periodes().contains(cle.periode())) {
                        return Future.failedFuture(introuvable());
                    }
                    return service.saisie(tenant, cle).compose(saisie -> service.suggestion(tenant, cle.uai(), cle.session().id())
                            .compose(suggestion -> {
                                Optional<JsonObject> typed = typed(ctx, cle);
                                boolean edition = saisie.map(s -> !s.transmise()).orElse(true)
                                        && (saisie.isEmpty() || typed.isPresent() || ctx.request().getParam("modifier") != null);
                                Map<String, Object> model = new HashMap<>();
                                model.put("sessionExamen", cle.session().titre());
                                model.put("periode", cle.periode().libelle());
                                List<Map<String, String>> periodes = new ArrayList<>();
                                for (IccPeriode p : IccPeriode.values()) {
                                    if (bareme.periodes().contains(p)) {
                                        periodes.add(Map.of("libelle", p.libelle(), "url", acces.base() + cle.session().id() + "/"
                                                + periodePath(p), "courante", String.valueOf(p == cle.periode())));
                                    }
                                }
                                model.put("periodes", periodes);
                                model.put("edition", edition);
                                model.put("office", acces.office());
                                model.put("retour", acces.retour());
                                model.put("action", page(acces, cle));
                                model.put("modifier", page(acces, cle) + "?modifier=1");
                                model.put("confirmation", CONFIRMATION);
                                model.put("transmises", TRANSMISES);
                                model.put("recherche", acces.recherche());
                                model.put("existe", saisie.isPresent());
                                model.put("transmise", saisie.map(Saisie::transmise).orElse(false));
                                model.put("statut", saisie.map(s -> statutLibelle(s.statut())).orElse(statutLibelle(null)));
                                model.put("suivi", saisie.map(s -> suiviLibelle(s.suivi())).orElse(""));
                                model.put("prerempli", saisie.map(Saisie::prerempliPar).orElse(""));
                                model.put("suggestionDate", suggestion.map(s -> FrenchFormats.date(s.premierJour())).orElse(""));
                                fill(model, bareme, saisie, suggestion, typed);
                                return pages.respond(ctx, "indemnites/saisie.ftlh", model);
                            }));
                })).onFailure(ctx::fail);
    }

    /** The inputs: what was typed before a refusal, else the saved saisie, else the suggestion. */
    private static void fill(Map<String, Object> model, IccService.Bareme bareme, Optional<Saisie> saisie,
                             Optional<IccSaisieService.Suggestion> suggestion, Optional<JsonObject> typed) {
        JsonObject t = typed.orElse(null);
        model.put("premierJour", t != null ? t.getString("premierJour", "")
                : saisie.map(s -> FrenchFormats.date(s.premierJour())).orElseGet(() -> model.get("suggestionDate").toString()));
        List<Map<String, Object>> tranches = new ArrayList<>();
        boolean first = true;
        for (IccService.TrancheTaux tt : bareme.tranches()) {
            String code = tt.tranche().code();
            BigDecimal suggested = first ? suggestion.map(IccSaisieService.Suggestion::jours).orElse(BigDecimal.ZERO) : BigDecimal.ZERO;
            if (tt.tranche().refusal(suggested).isPresent()) {
                suggested = BigDecimal.ZERO;
            }
            first = false;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", code);
            row.put("libelle", tt.tranche().libelle());
            row.put("format", tt.tranche().format());
            row.put("taux", tt.taux().map(BigDecimal::toPlainString).orElse(""));
            row.put("tauxLibelle", tt.taux().map(FrenchFormats::amount).orElse("non configuré"));
            row.put("suggestion", jours(suggested));
            BigDecimal saved = saisie.map(s -> s.jours().getOrDefault(code, BigDecimal.ZERO)).orElse(suggested);
            row.put("valeur", t != null ? t.getJsonObject("jours", new JsonObject()).getString(code, "") : jours(saved));
            row.put("affichee", jours(saisie.map(s -> s.jours().getOrDefault(code, BigDecimal.ZERO)).orElse(BigDecimal.ZERO)));
            tranches.add(row);
        }
        model.put("tranches", tranches);
        BigDecimal global = saisie.map(Saisie::montantGlobal).orElse(BigDecimal.ZERO);
        List<Map<String, String>> lignes = new ArrayList<>();
        if (t != null) {
            for (Object o : t.getJsonArray("lignes", new JsonArray())) {
                JsonObject l = (JsonObject) o;
                lignes.add(Map.of("id", l.getString("id", ""), "nom", l.getString("nom", ""), "discipline", l.getString("discipline", ""),
                        "pourcentage", l.getString("pourcentage", ""), "montant", l.getString("montant", "")));
            }
        } else {
            saisie.ifPresent(s -> s.lignes().forEach(l -> lignes.add(Map.of("id", String.valueOf(l.personnelId()),
                    "nom", l.nom() + " " + l.prenom(), "discipline", l.discipline(),
                    "pourcentage", l.pourcentage() == null ? "" : FrenchFormats.decimal(l.pourcentage(), 1),
                    "montant", l.montant().setScale(2).toPlainString().replace('.', ',')))));
        }
        model.put("lignes", lignes);
        BigDecimal reparti = saisie.map(Saisie::reparti).orElse(BigDecimal.ZERO);
        model.put("montantGlobal", FrenchFormats.amount(global));
        model.put("reparti", FrenchFormats.amount(reparti));
        model.put("restant", FrenchFormats.amount(global.subtract(reparti)));
    }

    /** Days as the guide shows them: {@code 6,0}. */
    private static String jours(BigDecimal days) {
        return days.setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    // ---- the POSTs ----

    void enregistrer(RoutingContext ctx, Acces acces) {
        Tenant tenant = TenantHandler.current(ctx);
        MultiMap form = ctx.request().formAttributes();
        cle(ctx, acces).compose(cle -> sessions.icc().bareme(tenant, cle.session().examCode(), cle.session().annee()).compose(bareme -> {
            String retirer = value(form, "retirer");
            Map<String, String> jours = new LinkedHashMap<>();
            JsonObject typedJours = new JsonObject();
            for (IccService.TrancheTaux tt : bareme.tranches()) {
                String code = tt.tranche().code();
                jours.put(code, value(form, "jours-" + code));
                typedJours.put(code, value(form, "jours-" + code));
            }
            List<DemandeLigne> lignes = new ArrayList<>();
            JsonArray typedLignes = new JsonArray();
            for (String id : form.getAll("personnel")) {
                if (id.equals(retirer)) {
                    continue; // "Retirer" without script: the line leaves the distribution
                }
                lignes.add(new DemandeLigne(id, value(form, "pourcentage-" + id), value(form, "montant-" + id)));
                typedLignes.add(new JsonObject().put("id", id).put("nom", value(form, "nom-" + id))
                        .put("discipline", value(form, "discipline-" + id)).put("pourcentage", value(form, "pourcentage-" + id))
                        .put("montant", value(form, "montant-" + id)));
            }
            Demande demande = new Demande(value(form, "premierJour"), jours, lignes);
            return service.enregistrer(tenant, SessionUser.of(ctx).login(), acces.office(), cle, demande).map(r -> {
                if (r.ok()) {
                    ctx.session().remove(TYPED);
                    Console.information(ctx, acces.office() ? "La saisie d'indemnités pré-remplie est enregistrée."
                            : "Votre saisie d'indemnités est enregistrée.");
                } else {
                    refuser(ctx, "La saisie d'indemnités n'a pas été enregistrée : rien n'est modifié.", r);
                    ctx.session().put(TYPED, new JsonObject().put("cle", cle.libelle())
                            .put("premierJour", value(form, "premierJour")).put("jours", typedJours).put("lignes", typedLignes));
                }
                SessionSync.redirect(ctx, page(acces, cle));
                return (Void) null;
            });
        })).onFailure(ctx::fail);
    }

    void supprimer(RoutingContext ctx, Acces acces) {
        Tenant tenant = TenantHandler.current(ctx);
        cle(ctx, acces).compose(cle -> service.supprimer(tenant, SessionUser.of(ctx).login(), cle).map(r -> {
            if (r.ok()) {
                Console.information(ctx, "La saisie d'indemnités est supprimée.");
                SessionSync.redirect(ctx, acces.retour());
            } else {
                refuser(ctx, "La saisie d'indemnités n'a pas été supprimée.", r);
                SessionSync.redirect(ctx, page(acces, cle));
            }
            return (Void) null;
        })).onFailure(ctx::fail);
    }

    void transmettre(RoutingContext ctx, Acces acces) {
        Tenant tenant = TenantHandler.current(ctx);
        if (acces.office()) {
            ctx.fail(new PageException(403, "Action réservée au centre", "Seul le chef de centre transmet sa saisie d'indemnités."));
            return;
        }
        cle(ctx, acces).compose(cle -> service.transmettre(tenant, SessionUser.of(ctx).login(), cle).map(r -> {
            if (r.ok()) {
                Console.information(ctx, TRANSMISES);
            } else {
                refuser(ctx, "La saisie d'indemnités n'a pas été transmise.", r);
            }
            SessionSync.redirect(ctx, page(acces, cle));
            return (Void) null;
        })).onFailure(ctx::fail);
    }

    /** "Ajouter un intervenant": the académie's persons whose "NOM Prénom" starts with what was typed (CONV-3's search). */
    void intervenants(RoutingContext ctx) {
        personnes.rechercher(TenantHandler.current(ctx), ctx.request().getParam("nom")).onSuccess(found -> {
            JsonArray json = new JsonArray();
            found.forEach(p -> json.add(new JsonObject().put("id", p.id()).put("nom", p.nom() + " " + p.prenom())
                    .put("etablissement", p.etablissement()).put("discipline", p.discipline())));
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store").end(json.encode());
        }).onFailure(ctx::fail);
    }

    private static void refuser(RoutingContext ctx, String titre, Resultat r) {
        Console.erreur(ctx, titre);
        r.erreurs().forEach(e -> Console.erreur(ctx, e));
    }

    private static Optional<JsonObject> typed(RoutingContext ctx, Cle cle) {
        if (ctx.session() == null || !(ctx.session().get(TYPED) instanceof JsonObject json)
                || !cle.libelle().equals(json.getString("cle"))) {
            return Optional.empty();
        }
        ctx.session().remove(TYPED);
        return Optional.of(json);
    }

    private static String value(MultiMap form, String name) {
        String v = form.get(name);
        return v == null ? "" : v;
    }
}
