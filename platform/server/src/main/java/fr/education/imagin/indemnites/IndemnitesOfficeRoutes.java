package fr.education.imagin.indemnites;

import fr.education.imagin.convocations.MissionConvocationService;
import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.core.plugins.PluginHost;
import fr.education.imagin.core.security.AcademyOffice;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageException;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.core.web.SessionSync;
import fr.education.imagin.frais.FraisService;
import fr.education.imagin.plugin.api.IccPeriode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The academy office's side of the ICC (guide §4.5.1 "Le gestionnaire en académie peut
 * pré-renseigner…", ICC-4): the académie's saisies with their statut, suivi and amount; the
 * prefill of a centre's ICC through the centre's own screen; the reopening of a transmitted one.
 * Gestionnaires of the académie and national admins only ({@link AcademyOffice}).
 */
public final class IndemnitesOfficeRoutes {

    static final String PATH = "/administration/indemnites";

    private final IndemnitesPages screens;
    private final PageRenderer pages;

    private IndemnitesOfficeRoutes(IndemnitesPages screens, PageRenderer pages) {
        this.screens = screens;
        this.pages = pages;
    }

    /** Both sides of the activity, sharing one service and one screen. */
    public record Modules(IndemnitesActivity activity, IndemnitesOfficeRoutes office, IccService icc) {
    }

    public static Modules create(TenantSql sql, PluginHost plugins, AuditTrail audit, MissionConvocationService personnes,
                                 PageRenderer pages) {
        IccService icc = new IccService(plugins, sql);
        IndemnitesPages screens = new IndemnitesPages(new IccSessions(sql, icc),
                new IccSaisieService(sql, icc, new FraisService(), audit), personnes, pages);
        return new Modules(new IndemnitesActivity(screens, pages), new IndemnitesOfficeRoutes(screens, pages), icc);
    }

    public void mount(Router router) {
        String path = "/:tenant" + PATH;
        router.route(path).handler(new AcademyOffice());
        router.route(path + "/*").handler(new AcademyOffice());
        router.get(path).handler(this::accueil);
        router.get(path + "/intervenants").handler(screens::intervenants);
        router.get(path + "/:uai/:session/:periode").handler(ctx -> screens.afficher(ctx, acces(ctx)));
        router.post(path + "/:uai/:session/:periode").handler(ctx -> screens.enregistrer(ctx, acces(ctx)));
        router.post(path + "/:uai/:session/:periode/supprimer").handler(ctx -> screens.supprimer(ctx, acces(ctx)));
        router.post(path + "/:uai/:session/:periode/rouvrir").handler(this::rouvrir);
    }

    private static String home(RoutingContext ctx) {
        return "/" + TenantHandler.current(ctx).code() + PATH;
    }

    /** The office reaches any centre's saisie by its UAI; the session must still be one it is centre of. */
    private static IndemnitesPages.Acces acces(RoutingContext ctx) {
        String uai = ctx.pathParam("uai").toUpperCase(Locale.ROOT);
        return new IndemnitesPages.Acces(FrenchInput.uai(uai) ? uai : null, home(ctx) + "/" + uai + "/", home(ctx),
                home(ctx) + "/intervenants", true);
    }

    /** The saisies of the académie, and the choice of a centre, session and period to prefill. */
    private void accueil(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        String uai = param(ctx, "uai").toUpperCase(Locale.ROOT);
        OptionalLong session = RecordIds.parse(param(ctx, "session"));
        String periode = param(ctx, "periode");
        if (!uai.isEmpty() || session.isPresent()) {
            if (!FrenchInput.uai(uai) || session.isEmpty()) {
                Console.erreur(ctx, "Pour pré-remplir une saisie, indiquez l'UAI du centre (7 chiffres et une lettre) et la session.");
            } else {
                String p = "remplacement".equals(periode) ? "remplacement" : "normale";
                SessionSync.redirect(ctx, home(ctx) + "/" + uai + "/" + session.getAsLong() + "/" + p);
                return;
            }
        }
        int courante = LocalDate.now(FrenchFormats.ZONE).getYear();
        Set<Integer> annees = new TreeSet<>();
        for (int y = courante - IndemnitesActivity.ANNEES_ANTERIEURES; y <= courante; y++) {
            annees.add(y);
        }
        screens.sessions().academie(tenant).compose(saisies -> screens.sessions().couvertes(tenant, annees).compose(couvertes -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (IccSessions.SaisieAcademie s : saisies) {
                Map<String, Object> row = new HashMap<>();
                row.put("centre", s.etablissement() + " (" + s.uai() + ")");
                row.put("session", s.session().titre());
                row.put("periode", s.periode().libelle());
                row.put("statut", IndemnitesPages.statutLibelle(s.etat().statut()));
                row.put("suivi", IndemnitesPages.suiviLibelle(s.etat().suivi()));
                row.put("montant", FrenchFormats.amount(s.montantGlobal()));
                row.put("prerempli", s.prerempliPar() == null ? "" : s.prerempliPar());
                row.put("url", home(ctx) + "/" + s.uai() + "/" + s.session().id() + "/" + IndemnitesPages.periodePath(s.periode()));
                rows.add(row);
            }
            List<Map<String, Object>> choix = new ArrayList<>();
            couvertes.forEach(c -> choix.add(Map.of("id", c.id(), "titre", c.titre())));
            List<Map<String, String>> periodes = new ArrayList<>();
            for (IccPeriode p : IccPeriode.values()) {
                periodes.add(Map.of("code", IndemnitesPages.periodePath(p), "libelle", p.libelle()));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("saisies", rows);
            model.put("sessions", choix);
            model.put("periodes", periodes);
            model.put("uai", uai);
            model.put("action", home(ctx));
            return pages.respond(ctx, "indemnites/administration.ftlh", model);
        })).onFailure(ctx::fail);
    }

    /** ICC-4: the office reopens a transmitted saisie so that the centre may correct it. */
    private void rouvrir(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        IndemnitesPages.Acces acces = acces(ctx);
        OptionalLong session = RecordIds.parse(ctx.pathParam("session"));
        String page = home(ctx) + "/" + ctx.pathParam("uai") + "/" + ctx.pathParam("session") + "/" + ctx.pathParam("periode");
        if (acces.uai() == null || session.isEmpty()) {
            ctx.fail(new PageException(404, "Saisie introuvable", "Cette saisie d'indemnités n'existe pas."));
            return;
        }
        screens.service().identifiant(tenant, acces.uai(), session.getAsLong(), ctx.pathParam("periode").toUpperCase(Locale.ROOT))
                .compose(id -> {
                    if (id.isEmpty()) {
                        return Future.failedFuture(new PageException(404, "Saisie introuvable",
                                "Cette saisie d'indemnités n'existe pas."));
                    }
                    return screens.service().rouvrir(tenant, SessionUser.of(ctx).login(), id.getAsLong()).map(r -> {
                        if (r.ok()) {
                            Console.information(ctx, "La saisie d'indemnités est rouverte : le centre peut la modifier et la transmettre à nouveau.");
                        } else {
                            Console.erreur(ctx, "La saisie d'indemnités n'a pas été rouverte.");
                            r.erreurs().forEach(e -> Console.erreur(ctx, e));
                        }
                        SessionSync.redirect(ctx, page);
                        return (Void) null;
                    });
                }).onFailure(ctx::fail);
    }

    private static String param(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        return v == null ? "" : v.strip();
    }
}
