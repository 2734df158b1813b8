package fr.education.imagin.core.list;

import io.vertx.core.MultiMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the user asked of a list, read from the URL so every state can be linked, bookmarked,
 * exported and returned to: {@code q} keyword, {@code tri} column, {@code sens} asc/desc,
 * {@code page}, and the filters' own parameters.
 */
public record ListRequest(String keyword, Column sort, boolean ascending, int page, MultiMap filterParams) {

    public static final int PAGE_SIZE = 100;

    static ListRequest from(ListDefinition definition, MultiMap params) {
        Column sort = definition.column(params.get("tri")).orElse(definition.defaultSort());
        boolean ascending = !"desc".equals(params.get("sens"));
        int page = 1;
        try {
            page = Math.max(1, Integer.parseInt(params.get("page") == null ? "1" : params.get("page")));
        } catch (NumberFormatException ignored) {
            // a hand-made URL: first page
        }
        MultiMap filters = MultiMap.caseInsensitiveMultiMap();
        for (ListFilter filter : definition.filters()) {
            for (String name : filter.parameters()) {
                if (params.contains(name)) {
                    filters.add(name, params.getAll(name));
                }
            }
        }
        String keyword = params.get("q") == null ? "" : params.get("q").strip();
        return new ListRequest(keyword, sort, ascending, page, filters);
    }

    /** The first row of the page, as a long: a hand-made {@code page=21474838} must not overflow. */
    long offset() {
        return (page - 1L) * PAGE_SIZE;
    }

    /** The query string of this state with some parameters replaced ({@code null} removes one). */
    String query(Map<String, String> changes) {
        List<String[]> pairs = new ArrayList<>();
        filterParams.forEach(e -> pairs.add(new String[]{e.getKey(), e.getValue()}));
        addUnlessChanged(pairs, changes, "q", keyword.isEmpty() ? null : keyword);
        addUnlessChanged(pairs, changes, "tri", sort.key());
        addUnlessChanged(pairs, changes, "sens", ascending ? "asc" : "desc");
        addUnlessChanged(pairs, changes, "page", page == 1 ? null : String.valueOf(page));
        changes.forEach((name, value) -> {
            pairs.removeIf(p -> p[0].equals(name));
            if (value != null) {
                pairs.add(new String[]{name, value});
            }
        });
        return pairs.stream().map(p -> encode(p[0]) + "=" + encode(p[1])).collect(Collectors.joining("&"));
    }

    private static void addUnlessChanged(List<String[]> pairs, Map<String, String> changes, String name, String value) {
        if (!changes.containsKey(name) && value != null) {
            pairs.add(new String[]{name, value});
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
