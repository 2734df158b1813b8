package fr.education.imagin.indisponibilites;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.list.ListScreen;
import fr.education.imagin.core.list.Lists;
import fr.education.imagin.core.mail.MailOutbox;
import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityModule;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.menu.Establishment;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.personnels.PersonnelIntrouvable;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * "Saisie d'indisponibilité" (guide §3.2, INDISPO-1…3): the establishment's staff, each person's
 * unavailabilities, adding one, and deleting those the establishment declared itself.
 * Routes, under {@code /:tenant/indisponibilites}: {@code /} the list (and its exports),
 * {@code /:id} the person, {@code /:id/ajout} the form (GET) and the addition (POST),
 * {@code /:id/suppression} the deletion (POST).
 */
public final class IndisponibilitesActivity implements ActivityModule {

    /** Session key of a refused form's values and messages, shown once by the form page. */
    private static final String SAISIE_REFUSEE = "imagin.indisponibilites.saisieRefusee";

    private final ListScreen list;
    private final IndisponibiliteService service;
    private final PageRenderer pages;
    /** Mails leave the platform (SMTP configured), or stay queued in the académie's outbox: the screen says which. */
    private final boolean mailsSent;

    public IndisponibilitesActivity(Lists lists, TenantSql sql, AuditTrail audit, MailOutbox outbox, PageRenderer pages) {
        this.list = lists.screen(IndisponibilitesList.DEFINITION, "indisponibilites/liste.ftlh");
        this.service = new IndisponibiliteService(sql, audit, outbox);
        this.pages = pages;
        this.mailsSent = outbox.delivering();
    }

    @Override
    public Activity activity() {
        return Activity.INDISPONIBILITES;
    }

    @Override
    public void mount(ActivityRouter routes) {
        list.mount(routes, "/");
        routes.get("/:id").handler(this::detail);
        routes.get("/:id/ajout").handler(this::formulaire);
        routes.post("/:id/ajout").handler(this::ajouter);
        routes.post("/:id/suppression").handler(this::supprimer);
    }

    /** The establishment the activity works for; the activity guard made sure there is one. */
    static String uai(RoutingContext ctx) {
        return WorkContext.establishment(ctx).uai();
    }

    private void detail(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        service.fiche(tenant, uai(ctx), id.getAsLong()).onSuccess(found -> {
            if (found.isEmpty()) {
                ctx.fail(PersonnelIntrouvable.page());
                return;
            }
            IndisponibiliteService.Fiche fiche = found.get();
            List<Map<String, Object>> lignes = fiche.indisponibilites().stream().map(i -> Map.<String, Object>of(
                    "id", String.valueOf(i.id()),
                    "dateDebut", FrenchFormats.date(i.debut().toLocalDate()),
                    "heureDebut", FrenchFormats.time(i.debut().toLocalTime()),
                    "dateFin", FrenchFormats.date(i.fin().toLocalDate()),
                    "heureFin", FrenchFormats.time(i.fin().toLocalTime()),
                    "motif", i.motif(),
                    "origine", origine(i.origine()),
                    "supprimable", i.supprimable())).toList();
            Map<String, Object> model = new HashMap<>(base(ctx, tenant, fiche.personnel()));
            model.put("indisponibilites", lignes);
            model.put("retour", Lists.backToList(ctx, Activity.INDISPONIBILITES.path(tenant.code())));
            pages.respond(ctx, "indisponibilites/detail.ftlh", model);
        }).onFailure(ctx::fail);
    }

    private void formulaire(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        service.personnel(tenant, uai(ctx), id.getAsLong()).onSuccess(found -> {
            if (found.isEmpty()) {
                ctx.fail(PersonnelIntrouvable.page());
                return;
            }
            // After a refused submission (post/redirect/get): what was typed, and what was wrong.
            JsonObject refusee = ctx.session() == null ? null : ctx.session().remove(SAISIE_REFUSEE);
            if (refusee != null && refusee.getLong("personnel", -1L) == id.getAsLong()) {
                SaisieIndisponibilite saisie = new SaisieIndisponibilite(refusee.getString("dateDebut"),
                        refusee.getString("heureDebut"), refusee.getString("dateFin"), refusee.getString("heureFin"),
                        refusee.getString("motif"));
                List<String> erreurs = refusee.getJsonArray("erreurs", new JsonArray()).stream().map(String::valueOf).toList();
                respondForm(ctx, tenant, found.get(), saisie, erreurs);
            } else {
                respondForm(ctx, tenant, found.get(), SaisieIndisponibilite.vide(), List.of());
            }
        }).onFailure(ctx::fail);
    }

    private void ajouter(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        Tenant tenant = TenantHandler.current(ctx);
        Establishment etablissement = WorkContext.establishment(ctx);
        long personnelId = id.getAsLong();
        SaisieIndisponibilite saisie = new SaisieIndisponibilite(form(ctx, "dateDebut"), form(ctx, "heureDebut"),
                form(ctx, "dateFin"), form(ctx, "heureFin"), form(ctx, "motif"));
        SaisieIndisponibilite.Lecture lecture = saisie.lire();
        if (lecture.periode().isEmpty()) {
            service.personnel(tenant, etablissement.uai(), personnelId).onSuccess(found -> {
                if (found.isEmpty()) {
                    ctx.fail(PersonnelIntrouvable.page());
                    return;
                }
                Console.erreur(ctx, "L'indisponibilité n'a pas été enregistrée.");
                lecture.erreurs().forEach(e -> Console.erreur(ctx, e));
                if (ctx.session() != null) {
                    ctx.session().put(SAISIE_REFUSEE, new JsonObject().put("personnel", personnelId)
                            .put("dateDebut", saisie.dateDebut()).put("heureDebut", saisie.heureDebut())
                            .put("dateFin", saisie.dateFin()).put("heureFin", saisie.heureFin()).put("motif", saisie.motif())
                            .put("erreurs", new JsonArray(lecture.erreurs())));
                }
                // Redirected, not drawn here: the form needs a fresh CSRF token, which only a GET gets.
                redirect(ctx, Activity.INDISPONIBILITES.path(tenant.code()) + personnelId + "/ajout" + retourQuery(ctx));
            }).onFailure(ctx::fail);
            return;
        }
        SaisieIndisponibilite.Periode periode = lecture.periode().get();
        service.ajouter(tenant, declarant(ctx, etablissement), personnelId, periode).onSuccess(added -> {
            if (added.isEmpty()) {
                ctx.fail(PersonnelIntrouvable.page());
                return;
            }
            Console.information(ctx, "L'indisponibilité du " + FrenchFormats.dateTime(periode.debut()) + " au "
                    + FrenchFormats.dateTime(periode.fin()) + " est enregistrée.");
            int mails = added.get().mails();
            if (mails > 0) {
                int missions = added.get().missions().size();
                Console.avertissement(ctx, "Cette personne est affectée à " + missions
                        + (missions > 1 ? " missions qui chevauchent" : " mission qui chevauche") + " cette période : "
                        + mailNotice(mails, mailsSent));
            }
            redirect(ctx, detailPath(ctx, tenant, personnelId));
        }).onFailure(ctx::fail);
    }

    private void supprimer(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "id");
        if (id.isEmpty()) {
            return;
        }
        OptionalLong indisponibilite = RecordIds.parse(form(ctx, "indisponibilite"));
        Tenant tenant = TenantHandler.current(ctx);
        long personnelId = id.getAsLong();
        if (indisponibilite.isEmpty()) {
            Console.erreur(ctx, "Indisponibilité inconnue : aucune suppression n'a été faite.");
            redirect(ctx, detailPath(ctx, tenant, personnelId));
            return;
        }
        service.supprimer(tenant, declarant(ctx, WorkContext.establishment(ctx)), personnelId, indisponibilite.getAsLong())
                .onSuccess(result -> {
                    switch (result) {
                        case INTROUVABLE -> ctx.fail(PersonnelIntrouvable.page());
                        case REFUSEE -> {
                            Console.erreur(ctx, "Suppression impossible : vous ne pouvez supprimer que les indisponibilités "
                                    + "déclarées par votre établissement.");
                            redirect(ctx, detailPath(ctx, tenant, personnelId));
                        }
                        case SUPPRIMEE -> {
                            Console.information(ctx, "L'indisponibilité est supprimée.");
                            redirect(ctx, detailPath(ctx, tenant, personnelId));
                        }
                    }
                }).onFailure(ctx::fail);
    }

    /**
     * What happens to the INDISPO-3 mails: sent when the platform has an SMTP server, otherwise
     * queued in the académie's outbox (the academy office sees them) — never "sent" when nothing sends.
     */
    static String mailNotice(int mails, boolean sent) {
        String who = mails > 1 ? "chacun des " + mails + " gestionnaires des examens concernés"
                : "le gestionnaire de l'examen concerné";
        if (sent) {
            return mails > 1 ? "un mél est envoyé à " + who + "." : "un mél est envoyé au gestionnaire de l'examen concerné.";
        }
        return "un mél pour " + who + " est placé dans la file d'envoi de l'académie (l'envoi de courriels n'est pas"
                + " configuré : le service gestionnaire de l'académie le voit dans sa liste des courriels).";
    }

    private void respondForm(RoutingContext ctx, Tenant tenant, IndisponibiliteService.Personnel personnel,
                             SaisieIndisponibilite saisie, List<String> erreurs) {
        Map<String, Object> model = new HashMap<>(base(ctx, tenant, personnel));
        model.put("saisie", Map.of("dateDebut", saisie.dateDebut(), "heureDebut", saisie.heureDebut(),
                "dateFin", saisie.dateFin(), "heureFin", saisie.heureFin(), "motif", saisie.motif()));
        model.put("erreurs", erreurs);
        model.put("motifMax", SaisieIndisponibilite.MOTIF_MAX);
        model.put("envoiMail", mailsSent);
        model.put("retour", detailPath(ctx, tenant, personnel.id()));
        pages.respond(ctx, "indisponibilites/ajout.ftlh", model).onFailure(ctx::fail);
    }

    /** What the detail and the form both show and link to. */
    private static Map<String, Object> base(RoutingContext ctx, Tenant tenant, IndisponibiliteService.Personnel p) {
        String detail = detailPath(ctx, tenant, p.id());
        String etat = retourQuery(ctx);
        String base = Activity.INDISPONIBILITES.path(tenant.code()) + p.id();
        return Map.of(
                "personnel", Map.of("civilite", p.civilite(), "nom", p.nom(), "prenom", p.prenom(),
                        "dateNaissance", FrenchFormats.date(p.dateNaissance()), "discipline", p.discipline()),
                "detail", detail,
                "ajout", base + "/ajout" + etat,
                "suppression", base + "/suppression" + etat);
    }

    private static IndisponibiliteService.Declarant declarant(RoutingContext ctx, Establishment e) {
        return new IndisponibiliteService.Declarant(e.uai(), e.nom(), SessionUser.of(ctx).login(),
                ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress());
    }

    /** The person's page, keeping the list's state for its "Retour". */
    private static String detailPath(RoutingContext ctx, Tenant tenant, long personnelId) {
        return Activity.INDISPONIBILITES.path(tenant.code()) + personnelId + retourQuery(ctx);
    }

    private static String retourQuery(RoutingContext ctx) {
        String state = ctx.queryParams().get("retour");
        return state == null || state.isBlank() ? "" : "?retour=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
    }

    private static void redirect(RoutingContext ctx, String location) {
        SessionSync.flush(ctx).onComplete(stored -> ctx.response().setStatusCode(303)
                .putHeader("Location", location).putHeader("Cache-Control", "no-store").end());
    }

    private static String origine(String code) {
        return switch (code) {
            case "ETABLISSEMENT" -> "Établissement";
            case "EPP" -> "EPP";
            case "SIRHEN" -> "SIRHEN";
            case "AUTRE_ACADEMIE" -> "Convocation autre académie";
            case "GESTIONNAIRE" -> "Gestionnaire";
            default -> code;
        };
    }

    private static String form(RoutingContext ctx, String name) {
        String value = ctx.request().getFormAttribute(name);
        return value == null ? "" : value;
    }
}
