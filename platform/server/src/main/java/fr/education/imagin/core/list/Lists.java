package fr.education.imagin.core.list;

import fr.education.imagin.core.export.PdfRenderer;
import fr.education.imagin.core.web.PageRenderer;
import io.vertx.ext.web.RoutingContext;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where screens get their lists: {@code lists.screen(DEFINITION, "personnels/liste.ftlh")
 * .mount(routes, "/")}. Holds what every list shares (SQL, templates, PDF pipeline).
 */
public final class Lists {

    private final ListService service;
    private final PageRenderer pages;
    private final PdfRenderer pdf;

    public Lists(ListService service, PageRenderer pages, PdfRenderer pdf) {
        this.service = service;
        this.pages = pages;
        this.pdf = pdf;
    }

    /** A list screen drawn with {@code template}, which calls the {@code shell/liste.ftlh} macros. */
    public ListScreen screen(ListDefinition definition, String template) {
        return new ListScreen(definition, template, service, pages, pdf);
    }

    /**
     * The "Retour" link of a detail screen opened from a row: the list at {@code listPath} in the
     * state it was left (keyword, sort, page, filters), read from the {@code retour} parameter the
     * row link carries. Only ever a query string on {@code listPath}.
     */
    public static String backToList(RoutingContext ctx, String listPath) {
        String state = ctx.queryParams().get("retour");
        if (state == null || state.isBlank()) {
            return listPath;
        }
        // Re-encoded pair by pair: whatever was sent, the link stays a query on listPath.
        StringBuilder query = new StringBuilder();
        for (String pair : state.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.append(query.isEmpty() ? "?" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return listPath + query;
    }
}
