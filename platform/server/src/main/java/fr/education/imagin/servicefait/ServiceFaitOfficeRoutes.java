package fr.education.imagin.servicefait;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.export.PdfRenderer;
import fr.education.imagin.core.list.Lists;
import fr.education.imagin.core.security.AcademyOffice;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import fr.education.imagin.frais.FraisService;
import fr.education.imagin.missions.MissionTypeRules;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;

import java.util.HashMap;
import java.util.Map;

/**
 * The academy office's side of the constat de service fait (CSF-3 "The academy office can also
 * record a CSF", EC-4): it reaches any centre's mission by its number, through the same screens
 * and service as the centre, and imports SANTORIN's services faits. Gestionnaires of the
 * académie and national admins only ({@link AcademyOffice}).
 */
public final class ServiceFaitOfficeRoutes {

    static final String PATH = "/administration/service-fait";

    private final ServiceFaitPages screens;
    private final SantorinServicesFaits santorin;
    private final TenantSql sql;
    private final PageRenderer pages;

    private ServiceFaitOfficeRoutes(ServiceFaitPages screens, SantorinServicesFaits santorin, TenantSql sql, PageRenderer pages) {
        this.screens = screens;
        this.santorin = santorin;
        this.sql = sql;
        this.pages = pages;
    }

    /** Both sides of the activity, sharing one service and one set of screens. */
    public record Modules(ServiceFaitActivity activity, ServiceFaitOfficeRoutes office) {
    }

    public static Modules create(TenantSql sql, MissionTypeRules rules, AuditTrail audit, Lists lists, PageRenderer pages,
                                 PdfRenderer pdf) {
        ServiceFaitService service = new ServiceFaitService(sql, rules, new FraisService(), audit);
        ServiceFaitPages screens = new ServiceFaitPages(service, pages, pdf);
        return new Modules(new ServiceFaitActivity(lists, screens),
                new ServiceFaitOfficeRoutes(screens, new SantorinServicesFaits(sql, service), sql, pages));
    }

    public void mount(Router router) {
        router.route("/:tenant" + PATH).handler(new AcademyOffice());
        router.route("/:tenant" + PATH + "/*").handler(new AcademyOffice());
        router.get("/:tenant" + PATH).handler(this::accueil);
        router.post("/:tenant" + PATH + "/import").handler(this::importer);
        router.get("/:tenant" + PATH + "/:mission").handler(ctx -> screens.detail(ctx, acces(ctx)));
        router.post("/:tenant" + PATH + "/:mission").handler(ctx -> screens.enregistrer(ctx, acces(ctx)));
        router.get("/:tenant" + PATH + "/:mission/constat.pdf").handler(ctx -> screens.constatPdf(ctx, acces(ctx)));
        router.get("/:tenant" + PATH + "/:mission/:affectation/horaires").handler(ctx -> screens.horaires(ctx, acces(ctx)));
        router.post("/:tenant" + PATH + "/:mission/:affectation/horaires").handler(ctx -> screens.enregistrerHoraires(ctx, acces(ctx)));
    }

    private static String home(RoutingContext ctx) {
        return "/" + TenantHandler.current(ctx).code() + PATH;
    }

    private static ServiceFaitPages.Acces acces(RoutingContext ctx) {
        return new ServiceFaitPages.Acces(null, home(ctx) + "/", home(ctx), ServiceFaitService.Origine.ACADEMIE);
    }

    /** The office's page: a mission by its number, and the SANTORIN import. */
    private void accueil(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        String numero = ctx.request().getParam("numero");
        Future<Boolean> redirected = Future.succeededFuture(false);
        if (numero != null && !numero.isBlank()) {
            String wanted = numero.strip();
            redirected = sql.inTenant(tenant, conn -> conn.preparedQuery("select id from mission where numero = $1")
                    .execute(Tuple.of(wanted))).map(rows -> {
                if (rows.size() == 1) {
                    SessionSync.redirect(ctx, home(ctx) + "/" + rows.iterator().next().getLong(0));
                    return true;
                }
                Console.erreur(ctx, "Aucune mission n° « " + wanted + " » dans l'académie.");
                return false;
            });
        }
        redirected.compose(done -> {
            if (done) {
                return Future.<Void>succeededFuture();
            }
            Map<String, Object> model = new HashMap<>();
            model.put("numero", numero == null ? "" : numero);
            model.put("action", home(ctx) + "/import");
            model.put("recherche", home(ctx));
            model.put("entete", SantorinServicesFaits.ENTETE);
            return pages.respond(ctx, "service-fait/administration.ftlh", model);
        }).onFailure(ctx::fail);
    }

    private void importer(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        String contenu = ctx.request().getFormAttribute("contenu");
        santorin.importer(tenant, SessionUser.of(ctx).login(), contenu).onSuccess(r -> {
            if (r.ok()) {
                Console.information(ctx, r.enregistres() + " service(s) fait(s) de SANTORIN enregistré(s).");
            } else {
                Console.erreur(ctx, "Le fichier n'a pas été importé : aucun service fait n'est enregistré.");
                r.erreurs().forEach(e -> Console.erreur(ctx, e));
            }
            SessionSync.redirect(ctx, home(ctx));
        }).onFailure(ctx::fail);
    }
}
