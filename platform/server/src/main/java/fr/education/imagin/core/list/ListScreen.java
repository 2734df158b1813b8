package fr.education.imagin.core.list;

import fr.education.imagin.core.export.CsvWriter;
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
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    static final int MAX_PDF_ROWS = 20_000;
    private static final int CSV_CHUNK = 32 * 1024;

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

    /** Mounts the list at {@code path} of the activity (e.g. "/"), exports beside it. */
    public void mount(ActivityRouter routes, String path) {
        routes.get(path + "export.csv").handler(this::csv);
        routes.get(path + "export.pdf").handler(this::pdf);
        routes.get(path).handler(this::page);
    }

    private void page(RoutingContext ctx) {
        ListRequest request = ListRequest.from(definition, ctx.queryParams());
        service.page(TenantHandler.current(ctx), definition, request, definition.scope(ctx)).compose(page -> {
            page.errors().forEach(error -> Console.erreur(ctx, error));
            Map<String, Object> model = Map.of("liste", ListView.model(definition, request, page, ctx.request().path()));
            if (ctx.request().getHeader(PARTIAL_HEADER) == null) {
                return pages.respond(ctx, template, model);
            }
            String region = pages.render("shell/liste-region.ftlh", pages.shellModel(ctx, model));
            return ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-store").end(region);
        }).onFailure(ctx::fail);
    }

    private void csv(RoutingContext ctx) {
        ListRequest request = ListRequest.from(definition, ctx.queryParams());
        HttpServerResponse response = ctx.response();
        StringBuilder chunk = new StringBuilder(CSV_CHUNK + 1024);
        CsvWriter writer = new CsvWriter(chunk, definition.columns().stream().map(Column::label).toList());
        service.stream(TenantHandler.current(ctx), definition, request, definition.scope(ctx), new RowSink() {
            @Override
            public boolean accept(List<String> labels, List<String> csv) {
                writer.row(csv);
                if (chunk.length() >= CSV_CHUNK) {
                    if (!response.headWritten()) {
                        Downloads.prepare(response, "text/csv; charset=utf-8", fileName(ctx, "csv")).setChunked(true);
                    }
                    response.write(Buffer.buffer(chunk.toString()));
                    chunk.setLength(0);
                }
                return !response.writeQueueFull();
            }

            @Override
            public void onPause(Runnable resume) {
                response.drainHandler(v -> resume.run());
            }
        }).onSuccess(count -> {
            if (!response.headWritten()) {
                Downloads.prepare(response, "text/csv; charset=utf-8", fileName(ctx, "csv"));
            }
            response.end(Buffer.buffer(chunk.toString()));
        }).onFailure(ctx::fail);
    }

    private void pdf(RoutingContext ctx) {
        ListRequest request = ListRequest.from(definition, ctx.queryParams());
        List<List<String>> rows = new ArrayList<>();
        service.stream(TenantHandler.current(ctx), definition, request, definition.scope(ctx), new RowSink() {
            @Override
            public boolean accept(List<String> labels, List<String> csv) {
                if (rows.size() <= MAX_PDF_ROWS) {
                    rows.add(labels);
                }
                return true;
            }

            @Override
            public void onPause(Runnable resume) {
                resume.run();
            }
        }).compose(count -> {
            if (count > MAX_PDF_ROWS) {
                throw new PageException(413, "Liste trop longue pour un PDF", "La liste compte "
                        + FrenchFormats.integer(count) + " lignes : un PDF en contient au plus " + FrenchFormats.integer(MAX_PDF_ROWS)
                        + ". Affinez la liste avec les filtres ou le mot-clé, ou téléchargez-la au format CSV.");
            }
            return pdf.render("shell/liste-pdf.ftlx", pdfModel(ctx, request, rows, count));
        }).onSuccess(document -> Downloads.prepare(ctx.response(), "application/pdf", fileName(ctx, "pdf")).end(document))
                .onFailure(ctx::fail);
    }

    private Map<String, Object> pdfModel(RoutingContext ctx, ListRequest request, List<List<String>> rows, long count) {
        Map<String, Object> model = new HashMap<>();
        model.put("titre", ListView.titleWithCount(definition, count));
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
        model.put("colonnes", definition.columns().stream().map(Column::label).toList());
        model.put("lignes", rows);
        return model;
    }

    private String fileName(RoutingContext ctx, String extension) {
        Tenant tenant = TenantHandler.current(ctx);
        String uai = WorkContext.of(ctx).flatMap(WorkContext::etablissement).map(Establishment::uai).orElse(tenant.code());
        return Downloads.fileName(extension, definition.name(), uai);
    }
}
