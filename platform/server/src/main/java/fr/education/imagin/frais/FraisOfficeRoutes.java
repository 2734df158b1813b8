package fr.education.imagin.frais;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.export.CsvDownload;
import fr.education.imagin.core.export.Downloads;
import fr.education.imagin.core.list.ListScreen;
import fr.education.imagin.core.list.Lists;
import fr.education.imagin.core.security.AcademyOffice;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.core.web.SessionSync;
import fr.education.imagin.frais.FraisOfficeService.Action;
import fr.education.imagin.indemnites.IccService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The academy office's side of the expenses (GEST-3), under {@code /:tenant/administration/frais}:
 * the sessions with their counts, a session's expenses to validate, reject, mark paid or put back,
 * the export of the validated ones for the payment systems, and the ICC rates ({@link TauxRoutes}).
 * Gestionnaires of the académie and national admins only ({@link AcademyOffice}).
 */
public final class FraisOfficeRoutes {

    static final String PATH = "/administration/frais";
    /** Where the session checked by {@link #session} is left for the next handlers. */
    private static final String SESSION = "imagin.frais.session";

    private final FraisOfficeService service;
    private final PaiementExport export;
    private final ListScreen list;
    private final TauxRoutes taux;
    private final PageRenderer pages;

    private FraisOfficeRoutes(FraisOfficeService service, PaiementExport export, ListScreen list, TauxRoutes taux,
                              PageRenderer pages) {
        this.service = service;
        this.export = export;
        this.list = list;
        this.taux = taux;
        this.pages = pages;
    }

    public static FraisOfficeRoutes create(TenantSql sql, AuditTrail audit, Lists lists, IccService icc, PageRenderer pages) {
        return new FraisOfficeRoutes(new FraisOfficeService(sql, audit), new PaiementExport(sql),
                lists.screen(FraisList.definition(), "frais/liste.ftlh"), new TauxRoutes(icc, pages), pages);
    }

    public void mount(Router router) {
        String base = "/:tenant" + PATH;
        router.route(base).handler(new AcademyOffice());
        router.route(base + "/*").handler(new AcademyOffice());
        router.get(base).handler(this::sessions);
        taux.mount(router, base + "/taux");
        String session = base + "/sessions/:session/";
        router.route(session + "*").handler(this::session);
        list.mount(router, session);
        router.post(session + "actions").handler(this::traiter);
        router.get(session + "paiement.csv").handler(this::paiement);
    }

    private static String home(RoutingContext ctx) {
        return "/" + TenantHandler.current(ctx).code() + PATH;
    }

    private static String listPath(RoutingContext ctx, long session) {
        return home(ctx) + "/sessions/" + session + "/";
    }

    /** "Frais des sessions": each session with expenses and its counts by statut. */
    private void sessions(RoutingContext ctx) {
        service.sessions(TenantHandler.current(ctx)).compose(sessions -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (FraisOfficeService.SessionFrais s : sessions) {
                rows.add(Map.of("libelle", s.libelle(), "examen", s.examen(), "annee", String.valueOf(s.annee()),
                        "aTraiter", s.aTraiter(), "valides", s.valides(), "rejetes", s.rejetes(), "payes", s.payes(),
                        "annules", s.annules(), "href", listPath(ctx, s.id())));
            }
            return pages.respond(ctx, "frais/sessions.ftlh", Map.of("sessions", rows, "taux", home(ctx) + "/taux"));
        }).onFailure(ctx::fail);
    }

    /** Every route of one session: an id of the académie's sessions, else 404. */
    private void session(RoutingContext ctx) {
        OptionalLong id = RecordIds.fromPath(ctx, "session");
        if (id.isEmpty()) {
            return;
        }
        service.session(TenantHandler.current(ctx), id.getAsLong()).onSuccess(libelle -> {
            if (libelle.isEmpty()) {
                ctx.fail(404);
                return;
            }
            ctx.put(SESSION, id.getAsLong());
            String query = ctx.request().query();
            String path = listPath(ctx, id.getAsLong());
            ListScreen.addToPage(ctx, "fraisSession", Map.of("libelle", libelle.get(), "retour", home(ctx),
                    "action", path + "actions" + (query == null || query.isEmpty() ? ""
                            : "?retour=" + URLEncoder.encode(query, StandardCharsets.UTF_8)),
                    "paiement", path + "paiement.csv", "motifMax", FraisOfficeService.MOTIF_MAX,
                    "actions", List.of(Action.values()).stream().map(a -> Map.of("valeur", a.name(), "libelle", a.libelle())).toList()));
            ctx.next();
        }).onFailure(ctx::fail);
    }

    /** Valider / Rejeter / Marquer payé / Remettre à traiter on the ticked lines, all or none. */
    private void traiter(RoutingContext ctx) {
        long session = ctx.get(SESSION);
        String back = Lists.backToList(ctx, listPath(ctx, session));
        var form = ctx.request().formAttributes();
        var action = Action.of(form.get("action"));
        List<Long> ids = new ArrayList<>();
        boolean badId = false;
        for (String value : form.getAll(FraisList.SELECTION)) {
            OptionalLong id = RecordIds.parse(value);
            badId |= id.isEmpty();
            id.ifPresent(ids::add);
        }
        if (action.isEmpty() || badId) {
            Console.erreur(ctx, "Demande invalide : aucun frais n'a été traité.");
            SessionSync.redirect(ctx, back);
            return;
        }
        service.traiter(TenantHandler.current(ctx), SessionUser.of(ctx).login(), session, ids, action.get(), form.get("motif"))
                .onSuccess(result -> {
                    if (result.ok()) {
                        Console.information(ctx, result.traites() + " frais " + bilan(action.get(), result.traites()) + ".");
                    } else {
                        result.refus().forEach(message -> Console.erreur(ctx, message));
                    }
                    SessionSync.redirect(ctx, back);
                }).onFailure(ctx::fail);
    }

    private static String bilan(Action action, int count) {
        String s = count > 1 ? "s" : "";
        return switch (action) {
            case VALIDER -> "validé" + s;
            case REJETER -> "rejeté" + s;
            case PAYER -> "marqué" + s + " payé" + s;
            case REMETTRE -> "remis à traiter";
        };
    }

    /** "Export des frais validés" (README): VALIDE lines, and PAYE ones too with {@code ?payes=1}. */
    private void paiement(RoutingContext ctx) {
        long session = ctx.get(SESSION);
        Tenant tenant = TenantHandler.current(ctx);
        boolean payes = "1".equals(ctx.request().getParam("payes"));
        export.lignes(tenant, session, payes).compose(lines -> {
            CsvDownload csv = new CsvDownload(ctx.response(), Downloads.fileName("csv",
                    payes ? "frais-valides-payes" : "frais-valides", tenant.code(), "session-" + session), PaiementExport.ENTETE);
            lines.forEach(csv::row);
            return csv.end();
        }).onFailure(ctx::fail);
    }
}
