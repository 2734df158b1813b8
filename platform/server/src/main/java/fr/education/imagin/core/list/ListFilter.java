package fr.education.imagin.core.list;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;

/**
 * A filter above a list (SH-7), applied with the "Filtrer" button: it reads its own request
 * parameters and narrows the query. Rendered by the {@code shell/liste.ftlh} macros, which
 * draw it from {@link #model(MultiMap)} according to its {@code type}.
 */
public interface ListFilter {

    /** The request parameters it reads; kept in sort, paging and export links. */
    List<String> parameters();

    /**
     * Adds {@code and (...)} to {@code where} when the parameters ask for it, or returns the French
     * messages saying why they cannot be applied (the list is then shown unfiltered by it).
     */
    List<String> apply(MultiMap params, SqlBuilder where);

    /** Whether the parameters ask for this filter (for the "Effacer filtre" button). */
    boolean isSet(MultiMap params);

    /** What the template needs: {@code type}, labels, current values. */
    Map<String, Object> model(MultiMap params);

    /** One line describing the applied filter for a PDF's header, or empty. */
    String describe(MultiMap params);

    /**
     * The filter as it serves this request, for one whose offered values come from the data
     * (e.g. the exams of the centre's missions): loaded once before the list's queries, with the
     * list's scope as {@code $1..$n}. Most filters need nothing and are themselves.
     */
    default Future<ListFilter> forRequest(RoutingContext ctx, ListService service, List<Object> scope) {
        return Future.succeededFuture(this);
    }
}
