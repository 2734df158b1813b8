package fr.education.imagin.servicefait;

import fr.education.imagin.core.export.Downloads;
import fr.education.imagin.core.export.PdfRenderer;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.core.format.Parsed;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageException;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.core.web.SessionSync;
import fr.education.imagin.servicefait.ServiceFaitService.Action;
import fr.education.imagin.servicefait.ServiceFaitService.Demande;
import fr.education.imagin.servicefait.ServiceFaitService.Horaire;
import fr.education.imagin.servicefait.ServiceFaitService.Intervenant;
import fr.education.imagin.servicefait.ServiceFaitService.Mission;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The screens of one mission's constat (guide §4.3.2 … §4.3.4): the convened intervenants with
 * the inputs of the mission's remuneration, the hours page of a practical mission, "Enregistrer"
 * and the PDF "Constat de service". The exam centre ({@link ServiceFaitActivity}) and the academy
 * office ({@link ServiceFaitOfficeRoutes}) both draw them from here, with their own {@link Acces}.
 */
final class ServiceFaitPages {

    /** The typed page kept between a refused POST and the page drawn again. */
    private static final String SAISIE = "imagin.servicefait.saisie";

    /**
     * Who is looking: {@code uai} the centre whose missions they reach (null: the office, any
     * centre), {@code base} the path the mission ids follow, {@code retour} the way back.
     */
    record Acces(String uai, String base, String retour, ServiceFaitService.Origine origine) {
    }

    private final ServiceFaitService service;
    private final PageRenderer pages;
    private final PdfRenderer pdf;

    ServiceFaitPages(ServiceFaitService service, PageRenderer pages, PdfRenderer pdf) {
        this.service = service;
        this.pages = pages;
        this.pdf = pdf;
    }

    ServiceFaitService service() {
        return service;
    }

    static PageException introuvable() {
        return new PageException(404, "Mission introuvable",
                "Cette mission n'existe pas, ne se déroule pas dans votre centre ou n'est pas concernée par le constat de service fait"
                        + " (correction dématérialisée, concours, DCS).");
    }

    private static PageException intervenantIntrouvable() {
        return new PageException(404, "Intervenant introuvable", "Cette personne n'est pas convoquée sur cette mission.");
    }

    Future<Mission> mission(RoutingContext ctx, Acces acces) {
        OptionalLong id = RecordIds.parse(ctx.pathParam("mission"));
        if (id.isEmpty()) {
            return Future.failedFuture(introuvable());
        }
        return service.mission(TenantHandler.current(ctx), acces.uai(), id.getAsLong())
                .compose(m -> m.isPresent() ? Future.succeededFuture(m.get()) : Future.failedFuture(introuvable()));
    }

    static Map<String, Object> missionModel(Mission m) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", m.id());
        model.put("numero", m.numero());
        model.put("type", m.type());
        model.put("session", m.session());
        model.put("specialite", m.specialite());
        model.put("epreuve", m.epreuve());
        model.put("debut", FrenchFormats.date(m.debut()));
        model.put("fin", FrenchFormats.date(m.fin()));
        model.put("etat", m.etat().libelle());
        model.put("centre", m.centreNom() + " (" + m.centreUai() + ")");
        model.put("remuneration", m.remuneration());
        model.put("ouvreDroit", m.ouvreDroit());
        model.put("saisieOuverte", m.saisieOuverte());
        model.put("secondGroupe", m.secondGroupe());
        return model;
    }

    /** The label of the quantity column, or empty when the remuneration has none. */
    static String quantiteLibelle(Mission m) {
        if (!m.ouvreDroit()) {
            return "";
        }
        return switch (m.remuneration()) {
            case "ECRIT" -> "Nombre de copies";
            case "ORAL" -> "Nombre de candidats";
            case "AIDE_EXAMEN" -> "Nombre d'heures effectuées";
            case "PRATIQUE" -> "Nombre d'heures constatées";
            default -> "";
        };
    }

    static String quantite(Mission m, Intervenant i) {
        return i.constat().map(c -> {
            Object v = switch (m.remuneration()) {
                case "ECRIT" -> c.nbCopies();
                case "ORAL" -> c.candidatsExamines();
                case "AIDE_EXAMEN", "PRATIQUE" -> c.heures() == null ? null : FrenchFormats.decimal(c.heures(), 2);
                default -> null;
            };
            return v == null ? "" : String.valueOf(v);
        }).orElse("");
    }

    // ---- the mission's intervenants (guide §4.3.2, §4.3.3) ----

    void detail(RoutingContext ctx, Acces acces) {
        Tenant tenant = TenantHandler.current(ctx);
        mission(ctx, acces).compose(mission -> service.intervenants(tenant, mission.id()).compose(people -> {
            Optional<JsonObject> typed = saisie(ctx, mission.id(), -1);
            JsonObject values = typed.map(t -> t.getJsonObject("valeurs", new JsonObject())).orElse(new JsonObject());
            JsonObject erreurs = typed.map(t -> t.getJsonObject("erreurs", new JsonObject())).orElse(new JsonObject());
            String base = acces.base() + mission.id();
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean pratique = "PRATIQUE".equals(mission.remuneration());
            for (Intervenant i : people) {
                String id = String.valueOf(i.affectation());
                Map<String, Object> row = new HashMap<>();
                row.put("id", id);
                row.put("nom", i.nom());
                row.put("prenom", i.prenom());
                row.put("etablissement", i.etablissement());
                row.put("telephone", i.telephone());
                row.put("inscrits", i.candidatsInscrits());
                row.put("traite", i.traite());
                String etat = i.constat().map(c -> c.fait() ? "FAIT" : "NON_FAIT").orElse("");
                row.put("etat", i.constat().map(c -> c.fait() ? "Service fait" : "Service non fait").orElse(""));
                row.put("action", typed.isPresent() ? values.getString("action-" + id, "") : etat);
                row.put("quantite", typed.isPresent() ? values.getString("quantite-" + id, "")
                        : pratique && i.constat().isEmpty() && !i.horaires().isEmpty() ? FrenchFormats.decimal(i.heuresHoraires(), 2)
                        : quantite(mission, i));
                row.put("motif", typed.isPresent() ? values.getString("motif-" + id, "")
                        : i.constat().map(c -> c.motif() == null ? "" : c.motif()).orElse(""));
                row.put("constate", i.constat().isPresent());
                row.put("origine", i.constat().map(c -> switch (c.origine()) {
                    case "ACADEMIE" -> "Saisi par le service gestionnaire";
                    case "SANTORIN" -> "Reçu de SANTORIN";
                    default -> "";
                }).orElse(""));
                row.put("erreur", erreurs.getString(id, ""));
                row.put("horaires", base + "/" + id + "/horaires");
                rows.add(row);
            }
            Map<String, Object> model = new HashMap<>();
            model.put("mission", missionModel(mission));
            model.put("intervenants", rows);
            model.put("quantiteLibelle", quantiteLibelle(mission));
            model.put("pratique", pratique);
            model.put("action", base);
            model.put("pdf", base + "/constat.pdf");
            model.put("retour", acces.retour());
            model.put("office", acces.uai() == null);
            model.put("motifMax", ServiceFaitService.MOTIF_MAX);
            return pages.respond(ctx, "service-fait/detail.ftlh", model);
        })).onFailure(ctx::fail);
    }

    private static String value(MultiMap form, String name) {
        String v = form.get(name);
        return v == null ? "" : v;
    }

    /** "Enregistrer": every row with a choice is one demande; all of them are saved or none. */
    void enregistrer(RoutingContext ctx, Acces acces) {
        Tenant tenant = TenantHandler.current(ctx);
        MultiMap form = ctx.request().formAttributes();
        mission(ctx, acces).compose(mission -> service.intervenants(tenant, mission.id()).compose(people -> {
            List<Demande> demandes = new ArrayList<>();
            JsonObject valeurs = new JsonObject();
            Map<Long, Intervenant> byId = new HashMap<>();
            people.forEach(p -> byId.put(p.affectation(), p));
            for (String name : form.names()) {
                if (!name.startsWith("action-")) {
                    continue;
                }
                String id = name.substring("action-".length());
                OptionalLong affectation = RecordIds.parse(id);
                String choix = value(form, name);
                valeurs.put(name, choix).put("quantite-" + id, value(form, "quantite-" + id)).put("motif-" + id, value(form, "motif-" + id));
                if (affectation.isEmpty() || choix.isEmpty()) {
                    continue;
                }
                Action action;
                try {
                    action = Action.valueOf(choix);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                Intervenant who = byId.get(affectation.getAsLong());
                demandes.add(new Demande(affectation.getAsLong(), action, value(form, "quantite-" + id), value(form, "motif-" + id),
                        null, who == null ? "Intervenant " + id : who.nom() + " " + who.prenom()));
            }
            return service.enregistrer(tenant, SessionUser.of(ctx).login(), acces.origine(), mission, demandes).map(r -> {
                String back = acces.base() + mission.id();
                if (r.ok()) {
                    ctx.session().remove(SAISIE);
                    Console.information(ctx, r.enregistres() > 1 ? r.enregistres() + " constats de service fait sont enregistrés."
                            : r.enregistres() == 1 ? "Le constat de service fait est enregistré."
                            : "Aucune modification : choisissez « Service fait », « Service non fait » ou « Annuler » pour un intervenant.");
                } else {
                    refuser(ctx, mission.id(), -1, valeurs, r);
                }
                SessionSync.redirect(ctx, back);
                return (Void) null;
            });
        })).onFailure(ctx::fail);
    }

    private static void refuser(RoutingContext ctx, long missionId, long affectation, JsonObject valeurs,
                                ServiceFaitService.Resultat r) {
        Console.erreur(ctx, "Le constat de service fait n'a pas été enregistré : aucune ligne n'est modifiée.");
        r.erreurs().forEach(e -> Console.erreur(ctx, e));
        JsonObject erreurs = new JsonObject();
        r.refus().stream().filter(x -> x.affectation() >= 0).forEach(x -> erreurs.put(String.valueOf(x.affectation()), x.message()));
        ctx.session().put(SAISIE, new JsonObject().put("mission", missionId).put("affectation", affectation)
                .put("valeurs", valeurs).put("erreurs", erreurs));
    }

    private static Optional<JsonObject> saisie(RoutingContext ctx, long missionId, long affectation) {
        if (ctx.session() == null) {
            return Optional.empty();
        }
        Object stored = ctx.session().get(SAISIE);
        if (!(stored instanceof JsonObject json) || json.getLong("mission", 0L) != missionId
                || json.getLong("affectation", -2L) != affectation) {
            return Optional.empty();
        }
        ctx.session().remove(SAISIE);
        return Optional.of(json);
    }

    // ---- the hours of a practical mission (guide §4.3.3.3) ----

    private Future<Intervenant> intervenant(RoutingContext ctx, Mission mission) {
        OptionalLong id = RecordIds.parse(ctx.pathParam("affectation"));
        if (id.isEmpty() || !"PRATIQUE".equals(mission.remuneration())) {
            return Future.failedFuture(intervenantIntrouvable());
        }
        return service.intervenants(TenantHandler.current(ctx), mission.id()).compose(people -> people.stream()
                .filter(p -> p.affectation() == id.getAsLong()).findFirst().map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(intervenantIntrouvable())));
    }

    private static final String[] CHAMPS = {"matinDebut", "matinFin", "apresMidiDebut", "apresMidiFin"};

    void horaires(RoutingContext ctx, Acces acces) {
        mission(ctx, acces).compose(mission -> intervenant(ctx, mission).compose(who -> {
            Optional<JsonObject> typed = saisie(ctx, mission.id(), who.affectation());
            JsonObject values = typed.map(t -> t.getJsonObject("valeurs", new JsonObject())).orElse(new JsonObject());
            Map<LocalDate, Horaire> saved = new HashMap<>();
            who.horaires().forEach(h -> saved.put(h.jour(), h));
            List<Map<String, Object>> jours = new ArrayList<>();
            for (LocalDate jour : mission.jours()) {
                Horaire h = saved.get(jour);
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("iso", jour.toString());
                j.put("date", FrenchFormats.date(jour));
                j.put("libelle", FrenchFormats.dayDate(jour));
                LocalTime[] times = h == null ? new LocalTime[4]
                        : new LocalTime[]{h.matinDebut(), h.matinFin(), h.apresMidiDebut(), h.apresMidiFin()};
                for (int k = 0; k < CHAMPS.length; k++) {
                    String field = CHAMPS[k] + "-" + jour;
                    j.put(CHAMPS[k], typed.isPresent() ? values.getString(field, "")
                            : times[k] == null ? "" : FrenchFormats.time(times[k]));
                }
                jours.add(j);
            }
            String base = acces.base() + mission.id();
            Map<String, Object> model = new HashMap<>();
            model.put("mission", missionModel(mission));
            model.put("personne", Map.of("nom", who.nom(), "prenom", who.prenom(), "etablissement", who.etablissement()));
            model.put("jours", jours);
            model.put("motif", typed.isPresent() ? values.getString("motif", "")
                    : who.constat().map(c -> c.motif() == null ? "" : c.motif()).orElse(""));
            model.put("etat", who.constat().map(c -> c.fait() ? "Service fait" : "Service non fait").orElse("Aucun constat"));
            model.put("heures", FrenchFormats.decimal(who.heuresHoraires(), 2));
            model.put("traite", who.traite());
            model.put("constate", who.constat().isPresent());
            model.put("action", base + "/" + who.affectation() + "/horaires");
            model.put("retour", base);
            model.put("motifMax", ServiceFaitService.MOTIF_MAX);
            return pages.respond(ctx, "service-fait/horaires.ftlh", model);
        })).onFailure(ctx::fail);
    }

    void enregistrerHoraires(RoutingContext ctx, Acces acces) {
        Tenant tenant = TenantHandler.current(ctx);
        MultiMap form = ctx.request().formAttributes();
        mission(ctx, acces).compose(mission -> intervenant(ctx, mission).compose(who -> {
            String page = acces.base() + mission.id() + "/" + who.affectation() + "/horaires";
            JsonObject valeurs = new JsonObject().put("motif", value(form, "motif"));
            List<String> erreurs = new ArrayList<>();
            List<Horaire> horaires = new ArrayList<>();
            for (LocalDate jour : mission.jours()) {
                LocalTime[] t = new LocalTime[4];
                for (int k = 0; k < CHAMPS.length; k++) {
                    String field = CHAMPS[k] + "-" + jour;
                    valeurs.put(field, value(form, field));
                    Parsed<LocalTime> parsed = FrenchInput.time(value(form, field), "heure du " + FrenchFormats.date(jour));
                    if (parsed.isError()) {
                        erreurs.add(parsed.error());
                    }
                    t[k] = parsed.value().orElse(null);
                }
                String date = FrenchFormats.date(jour);
                if ((t[0] == null) != (t[1] == null)) {
                    erreurs.add("Le " + date + " : saisissez le début et la fin du matin, ou aucun des deux.");
                } else if (t[0] != null && !t[1].isAfter(t[0])) {
                    erreurs.add("Le " + date + " : la fin du matin doit être après son début.");
                }
                if ((t[2] == null) != (t[3] == null)) {
                    erreurs.add("Le " + date + " : saisissez le début et la fin de l'après-midi, ou aucun des deux.");
                } else if (t[2] != null && !t[3].isAfter(t[2])) {
                    erreurs.add("Le " + date + " : la fin de l'après-midi doit être après son début.");
                } else if (t[2] != null && t[1] != null && t[2].isBefore(t[1])) {
                    erreurs.add("Le " + date + " : l'après-midi doit commencer après la fin du matin.");
                }
                if (t[0] != null || t[2] != null) {
                    horaires.add(new Horaire(jour, t[0], t[1], t[2], t[3]));
                }
            }
            Action action;
            try {
                action = Action.valueOf(value(form, "action"));
            } catch (IllegalArgumentException e) {
                action = null;
                erreurs.add("Choisissez « Service fait », « Service non fait » ou « Annuler ».");
            }
            if (!erreurs.isEmpty()) {
                Console.erreur(ctx, "Le constat de service fait n'a pas été enregistré.");
                erreurs.forEach(e -> Console.erreur(ctx, e));
                ctx.session().put(SAISIE, new JsonObject().put("mission", mission.id()).put("affectation", who.affectation())
                        .put("valeurs", valeurs).put("erreurs", new JsonObject()));
                SessionSync.redirect(ctx, page);
                return Future.succeededFuture();
            }
            Demande demande = new Demande(who.affectation(), action, "", value(form, "motif"), horaires,
                    who.nom() + " " + who.prenom());
            return service.enregistrer(tenant, SessionUser.of(ctx).login(), acces.origine(), mission, List.of(demande)).map(r -> {
                if (r.ok()) {
                    Console.information(ctx, r.enregistres() == 0 ? "Aucune modification du constat de " + who.nom() + " " + who.prenom() + "."
                            : "Le constat de service fait de " + who.nom() + " " + who.prenom() + " est enregistré.");
                    SessionSync.redirect(ctx, acces.base() + mission.id());
                } else {
                    refuser(ctx, mission.id(), who.affectation(), valeurs, r);
                    SessionSync.redirect(ctx, page);
                }
                return (Void) null;
            });
        })).onFailure(ctx::fail);
    }

    // ---- the PDF "Constat de service" (guide §4.3.4) ----

    void constatPdf(RoutingContext ctx, Acces acces) {
        Tenant tenant = TenantHandler.current(ctx);
        mission(ctx, acces).compose(mission -> service.intervenants(tenant, mission.id()).compose(people -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Intervenant i : people) {
                String remuneration = i.constat().filter(ServiceFaitService.Constat::fait).map(c -> remunerationLibelle(mission, c))
                        .orElseGet(() -> i.constat().map(c -> c.motif() == null ? "" : "Motif : " + c.motif()).orElse(""));
                rows.add(Map.of("nom", i.nom() + " " + i.prenom(), "etablissement", i.etablissement(),
                        "inscrits", String.valueOf(i.candidatsInscrits()),
                        "fait", i.constat().map(c -> c.fait() ? "OUI" : "NON").orElse(""),
                        "remuneration", remuneration));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("titre", "Constat de service");
            model.put("academie", tenant.nom());
            model.put("etablissement", mission.centreNom() + " (" + mission.centreUai() + ")");
            model.put("editeLe", FrenchFormats.timestamp(LocalDateTime.now(FrenchFormats.ZONE)));
            model.put("mission", missionModel(mission));
            model.put("intervenants", rows);
            return pdf.render("service-fait/constat-pdf.ftlx", model).compose(document ->
                    Downloads.prepare(ctx.response(), "application/pdf", "constat-service_" + mission.numero() + "_"
                            + FrenchFormats.compactDate(LocalDate.now(FrenchFormats.ZONE)) + ".pdf").end(document));
        })).onFailure(ctx::fail);
    }

    private static String remunerationLibelle(Mission mission, ServiceFaitService.Constat c) {
        if (!mission.ouvreDroit()) {
            return "";
        }
        BigDecimal heures = c.heures();
        return switch (mission.remuneration()) {
            case "ECRIT" -> c.nbCopies() == null ? "" : "Nombre de copies : " + c.nbCopies();
            case "ORAL" -> c.candidatsExamines() == null ? "" : "Nombre de candidats : " + c.candidatsExamines();
            case "AIDE_EXAMEN", "PRATIQUE" -> heures == null ? "" : "Nombre d'heures : " + FrenchFormats.decimal(heures, 2);
            default -> "";
        };
    }
}
