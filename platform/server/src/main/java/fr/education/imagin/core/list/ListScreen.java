package fr.education.imagin.core.list;

import fr.education.imagin.core.export.CsvDownload;
import fr.education.imagin.core.export.Downloads;
import fr.education.imagin.core.export.PdfRenderer;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.menu.Establishment;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageException;
import fr.education.imagin.core.web.PageRenderer;
import io.vertx.core.Future;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A list screen's routes (SH-6 … SH-8), mounted on its activity: the page (or only its list
 * region, for the live keyword filter and sorting without reloading), the CSV export streamed
 * row by row, and the PDF export. Screens declare a {@link ListDefinition} and a template that
 * calls the {@code shell/liste.ftlh} macros; they never re-implement any of this.
 */
public final class ListScreen {

    /** Sent by {@code list.js} to get only the list region. */
    static final String PARTIAL_HEADER = "X-Imagin-Partiel";
    /** Past this, a PDF is refused: OpenHTMLtoPDF lays out a whole document in memory. */
    public static final int MAX_PDF_ROWS = 20_000;
    /** Where {@link #prepare} leaves the list as prepared for the request, by list name. */
    private static final String PREPARED = "imagin.list.prepared.";
    /** Where {@link #addToPage} leaves a screen's own entries of the page model. */
    private static final String PAGE_MODEL = "imagin.list.page";

    private final ListDefinition definition;
    private final String template;
    private final ListService service;
    private final PageRenderer pages;
    private final PdfRenderer pdf;

    ListScreen(ListDefinition definition, String template, ListService service, PageRenderer pages, PdfRenderer pdf) {
        this.definition = definition;
        this.template = template;
        this.service = service;
        this.pages = pages;
        this.pdf = pdf;
    }

    /**
     * Mounts the list at {@code path} of the activity (e.g. "/"), exports beside it. Mount it
     * before the screen's other exports: their routes get the filters prepared here too.
     */
    public void mount(ActivityRouter routes, String path) {
        mount(routes::get, path);
    }

    /**
     * Mounts the list outside an activity, at a full route path ending with '/' such as
     * {@code /:tenant/administration/frais/sessions/:session/}: the caller's guards run first.
     */
    public void mount(Router router, String path) {
        mount(router::get, path);
    }

    private void mount(Function<String, Route> get, String path) {
        List<String> paths = new ArrayList<>(List.of(path, path + "export.csv", path + "export.pdf"));
        definition.moreExports().forEach(g -> g.actions().forEach(a -> paths.add(path + a.path())));
        paths.forEach(p -> get.apply(p).handler(this::prepare));
        paths.stream().filter(p -> !p.equals(path)).forEach(p -> get.apply(p).handler(this::refuseInvalidFilters));
        get.apply(path + "export.csv").handler(this::csv);
        get.apply(path + "export.pdf").handler(this::pdf);
        get.apply(path).handler(this::page);
    }

    /** Readies the filters for this request (those offering values from the data load them). */
    private void prepare(RoutingContext ctx) {
        List<Object> scope = definition.scope(ctx);
        List<Future<ListFilter>> filters = definition.filters().stream()
                .map(f -> f.forRequest(ctx, service, scope)).toList();
        Future.all(filters).onSuccess(all -> {
            ctx.put(PREPARED + definition.name(), definition.withFilters(filters.stream().map(Future::result).toList()));
            ctx.next();
        }).onFailure(ctx::fail);
    }

    /**
     * An export asked with a filter that cannot be applied (an invalid period...) is refused: the
     * screen shows the whole list with the reason, but a file has no console, and exporting the
     * unfiltered list instead of the one asked for would be silently wrong.
     */
    private void refuseInvalidFilters(RoutingContext ctx) {
        ListDefinition definition = definition(ctx);
        List<String> errors = ListQuery.all(definition, ListRequest.from(definition, ctx.queryParams()),
                definition.scope(ctx)).errors;
        if (errors.isEmpty()) {
            ctx.next();
            return;
        }
        ctx.fail(new PageException(400, "Export impossible", String.join(" ", errors)
                + " Le fichier n'a pas été produit : corrigez les filtres de la liste, puis relancez l'export."));
    }

    /** The list as prepared for this request, or as declared. */
    private ListDefinition definition(RoutingContext ctx) {
        ListDefinition prepared = ctx.get(PREPARED + definition.name());
        return prepared == null ? definition : prepared;
    }

    private void page(RoutingContext ctx) {
        ListDefinition definition = definition(ctx);
        ListRequest request = ListRequest.from(definition, ctx.queryParams());
        service.page(TenantHandler.current(ctx), definition, request, definition.scope(ctx)).compose(page -> {
            page.errors().forEach(error -> Console.erreur(ctx, error));
            Map<String, Object> model = new HashMap<>(pageModel(ctx));
            model.put("liste", ListView.model(definition, request, page, ctx.request().path()));
            if (!partial(ctx)) {
                return pages.respond(ctx, template, model);
            }
            String region = pages.render("shell/liste-region.ftlh", pages.shellModel(ctx, model));
            return ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-store").end(region);
        }).onFailure(ctx::fail);
    }

    /**
     * The request asks for the list region only (live keyword, sorting, paging): a handler mounted
     * before the list can skip what only the whole page shows.
     */
    public static boolean partial(RoutingContext ctx) {
        return ctx.request().getHeader(PARTIAL_HEADER) != null;
    }

    /**
     * For a handler mounted before the list on the same path (one that checks the record the
     * list belongs to, say): an entry of the page's model beside {@code liste}, such as the
     * session whose expenses the list shows.
     */
    public static void addToPage(RoutingContext ctx, String key, Object value) {
        Map<String, Object> model = ctx.get(PAGE_MODEL);
        if (model == null) {
            model = new HashMap<>();
            ctx.put(PAGE_MODEL, model);
        }
        model.put(key, value);
    }

    private static Map<String, Object> pageModel(RoutingContext ctx) {
        Map<String, Object> model = ctx.get(PAGE_MODEL);
        return model == null ? Map.of() : model;
    }

    /** The rows the user selected (scope, filters, keyword, order), for exports joining more data. */
    public ListSelection selection(RoutingContext ctx) {
        ListDefinition definition = definition(ctx);
        return ListQuery.selection(definition, ListRequest.from(definition, ctx.queryParams()), definition.scope(ctx));
    }

    /** Streams a query on the {@link #selection} (see {@link ListSelection#with()}) to {@code sink}. */
    public Future<Long> stream(RoutingContext ctx, SqlBuilder query, RowSink sink) {
        return service.stream(TenantHandler.current(ctx), query.sql(), query.tuple(), sink);
    }

    /** A CSV download named after this list's establishment, e.g. {@code personnels-missions_0310038Y_20261125.csv}. */
    public CsvDownload csvDownload(RoutingContext ctx, String name, List<String> header) {
        return new CsvDownload(ctx.response(), fileName(ctx, name, "csv"), header);
    }

    /** Renders {@code template} (an {@code .ftlx} using {@code shell/pdf.ftlx}) and sends it as {@code <name>_<UAI>_<date>.pdf}. */
    public Future<Void> sendPdf(RoutingContext ctx, String template, Map<String, ?> model, String name) {
        return pdf.render(template, model).compose(document ->
                Downloads.prepare(ctx.response(), "application/pdf", fileName(ctx, name, "pdf")).end(document));
    }

    private void csv(RoutingContext ctx) {
        ListDefinition definition = definition(ctx);
        ListRequest request = ListRequest.from(definition, ctx.queryParams());
        CsvDownload csv = new CsvDownload(ctx.response(), fileName(ctx, "csv"), definition.columns().stream().map(Column::label).toList());
        service.stream(TenantHandler.current(ctx), definition, request, definition.scope(ctx),
                        RowSink.of(row -> csv.row(ListService.csv(definition, row)), csv::onDrain))
                .compose(count -> csv.end())
                .onFailure(ctx::fail);
    }

    private void pdf(RoutingContext ctx) {
        ListDefinition definition = definition(ctx);
        ListRequest request = ListRequest.from(definition, ctx.queryParams());
        List<List<String>> rows = new ArrayList<>();
        service.stream(TenantHandler.current(ctx), definition, request, definition.scope(ctx), RowSink.of(row -> {
            if (rows.size() <= MAX_PDF_ROWS) {
                rows.add(ListService.labels(definition, row));
            }
            return true;
        }, Runnable::run)).compose(count -> {
            checkPdfSize(count);
            Map<String, Object> model = documentModel(ctx, ListView.titleWithCount(definition, count));
            model.put("colonnes", definition.columns().stream().map(Column::label).toList());
            model.put("lignes", rows);
            return sendPdf(ctx, "shell/liste-pdf.ftlx", model, definition.name());
        }).onFailure(ctx::fail);
    }

    /** Refuses a PDF of more than {@value #MAX_PDF_ROWS} rows with a page saying what to do. */
    public static void checkPdfSize(long count) {
        if (count > MAX_PDF_ROWS) {
            throw new PageException(413, "Liste trop longue pour un PDF", "La liste compte "
                    + FrenchFormats.integer(count) + " lignes : un PDF en contient au plus " + FrenchFormats.integer(MAX_PDF_ROWS)
                    + ". Affinez la liste avec les filtres ou le mot-clé, ou téléchargez-la au format CSV.");
        }
    }

    /**
     * What every document made from this list shows at its top: {@code titre}, the académie, the
     * establishment, when it was edited and the criteria of the selection (filters, keyword).
     */
    public Map<String, Object> documentModel(RoutingContext ctx, String titre) {
        ListDefinition definition = definition(ctx);
        ListRequest request = ListRequest.from(definition, ctx.queryParams());
        Map<String, Object> model = new HashMap<>();
        model.put("titre", titre);
        model.put("academie", TenantHandler.current(ctx).nom());
        WorkContext.of(ctx).flatMap(WorkContext::etablissement)
                .ifPresent(e -> model.put("etablissement", e.nom() + " (" + e.uai() + ")"));
        model.put("editeLe", FrenchFormats.timestamp(LocalDateTime.now(FrenchFormats.ZONE)));
        List<String> criteria = new ArrayList<>();
        definition.filters().stream().map(f -> f.describe(request.filterParams())).filter(d -> !d.isEmpty()).forEach(criteria::add);
        if (!request.keyword().isEmpty()) {
            criteria.add("Mot-clé : " + request.keyword());
        }
        model.put("criteres", criteria);
        return model;
    }

    /** {@code <name>_<UAI>_<date>.<extension>}, e.g. {@code personnels-missions_0310038Y_20261125.csv}. */
    private String fileName(RoutingContext ctx, String name, String extension) {
        Tenant tenant = TenantHandler.current(ctx);
        String uai = WorkContext.of(ctx).flatMap(WorkContext::etablissement).map(Establishment::uai).orElse(tenant.code());
        return Downloads.fileName(extension, name, uai);
    }

    private String fileName(RoutingContext ctx, String extension) {
        return fileName(ctx, definition.name(), extension);
    }
}
