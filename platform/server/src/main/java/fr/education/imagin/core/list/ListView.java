package fr.education.imagin.core.list;

import fr.education.imagin.core.format.FrenchFormats;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code liste} model the {@code shell/liste.ftlh} macros draw: every link built here. */
final class ListView {

    private ListView() {
    }

    /** {@code Liste des personnels (154 lignes)}; French writes "0 ligne", "1 ligne". */
    static String titleWithCount(ListDefinition definition, long total) {
        return definition.titre() + " (" + FrenchFormats.integer(total) + (total > 1 ? " lignes)" : " ligne)");
    }

    static Map<String, Object> model(ListDefinition definition, ListRequest request, ListPage page, String base) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", "liste-" + definition.name());
        model.put("titre", titleWithCount(definition, page.total()));
        model.put("total", page.total());
        model.put("motCle", request.keyword());
        model.put("action", base);
        model.put("colonnes", columns(definition, request, base));
        model.put("lignes", rows(definition, request, page, base));
        model.put("vide", definition.emptyMessage());
        model.put("filtres", definition.filters().stream().map(f -> f.model(request.filterParams())).toList());
        model.put("boutonFiltrer", definition.filterButton());
        model.put("filtreActif", definition.filters().stream().anyMatch(f -> f.isSet(request.filterParams())));
        model.put("effacer", base + queryString(request.keyword().isEmpty() ? "" : "q=" + encode(request.keyword())));
        model.put("conserves", preserved(request));
        model.put("pagination", pagination(request, page.total(), base));
        model.put("exports", exports(definition, request, base));
        definition.selection().ifPresent(s -> model.put("selection", Map.of("parametre", s.parameter(), "formulaire", s.form())));
        return model;
    }

    /** The download groups: the list's own CSV and PDF, then the screen's other exports. */
    private static List<Map<String, Object>> exports(ListDefinition definition, ListRequest request, String base) {
        List<ListDefinition.ExportGroup> groups = new ArrayList<>();
        groups.add(new ListDefinition.ExportGroup(definition.exportsLabel(),
                List.of(ExportAction.csv("export.csv"), ExportAction.pdf("export.pdf"))));
        groups.addAll(definition.moreExports());
        String query = queryString(request.query(pageReset()));
        List<Map<String, Object>> model = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Map<String, Object>> actions = new ArrayList<>();
            for (int a = 0; a < groups.get(g).actions().size(); a++) {
                ExportAction action = groups.get(g).actions().get(a);
                Map<String, Object> button = new HashMap<>();
                button.put("libelle", action.libelle());
                button.put("icone", action.icon().css());
                button.put("href", base + action.path() + query);
                if (action.choixAnnees()) {
                    button.put("dialogue", yearsDialog(definition, request, base + action.path(), g, a));
                }
                actions.add(button);
            }
            model.add(Map.of("id", "liste-" + definition.name() + "-exports-" + g,
                    "libelle", groups.get(g).label(), "actions", actions));
        }
        return model;
    }

    /** The dialog a button opens to ask for years: a GET form keeping the list's state. */
    private static Map<String, Object> yearsDialog(ListDefinition definition, ListRequest request, String action,
                                                   int group, int index) {
        List<Map<String, String>> kept = new ArrayList<>(preserved(request));
        if (!request.keyword().isEmpty()) {
            kept.add(Map.of("name", "q", "value", request.keyword()));
        }
        int current = java.time.LocalDate.now(FrenchFormats.ZONE).getYear();
        List<Map<String, Object>> years = ExportYears.proposed().stream()
                .map(year -> Map.<String, Object>of("valeur", String.valueOf(year), "cochee", year == current)).toList();
        return Map.of("id", "liste-" + definition.name() + "-annees-" + group + "-" + index, "action", action,
                "conserves", kept, "annees", years, "parametre", ExportYears.PARAMETER);
    }

    private static List<Map<String, Object>> columns(ListDefinition definition, ListRequest request, String base) {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Column column : definition.columns()) {
            boolean sorted = column.equals(request.sort());
            Map<String, String> change = new HashMap<>(pageReset());
            change.put("tri", column.key());
            change.put("sens", sorted && request.ascending() ? "desc" : "asc");
            columns.add(Map.of("cle", column.key(), "libelle", column.label(),
                    "sens", sorted ? (request.ascending() ? "ascending" : "descending") : "none",
                    "href", base + queryString(request.query(change))));
        }
        return columns;
    }

    private static List<Map<String, Object>> rows(ListDefinition definition, ListRequest request, ListPage page, String base) {
        String back = definition.detailLinks() ? "?retour=" + encode(request.query(Map.of())) : "";
        List<Map<String, Object>> rows = new ArrayList<>(page.rows().size());
        for (ListPage.Row row : page.rows()) {
            Map<String, Object> model = new HashMap<>();
            model.put("cellules", row.cells());
            if (definition.selection().isPresent()) {
                model.put("id", row.id());
            }
            if (definition.detailLinks()) {
                model.put("href", base + encode(row.id()) + back);
            }
            rows.add(model);
        }
        return rows;
    }

    /** Hidden fields that keep sort and filters when the keyword form is submitted without script. */
    private static List<Map<String, String>> preserved(ListRequest request) {
        List<Map<String, String>> fields = new ArrayList<>();
        request.filterParams().forEach(e -> fields.add(Map.of("name", e.getKey(), "value", e.getValue())));
        fields.add(Map.of("name", "tri", "value", request.sort().key()));
        fields.add(Map.of("name", "sens", "value", request.ascending() ? "asc" : "desc"));
        return fields;
    }

    private static Map<String, Object> pagination(ListRequest request, long total, String base) {
        int pages = (int) Math.max(1, (total + ListRequest.PAGE_SIZE - 1) / ListRequest.PAGE_SIZE);
        int current = Math.min(request.page(), pages);
        List<Map<String, Object>> numbers = new ArrayList<>();
        for (int p = Math.max(1, current - 2); p <= Math.min(pages, current + 2); p++) {
            numbers.add(Map.of("numero", p, "href", pageHref(request, base, p), "courante", p == current));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", current);
        model.put("pages", pages);
        model.put("numeros", numbers);
        model.put("premiere", pageHref(request, base, 1));
        model.put("derniere", pageHref(request, base, pages));
        model.put("precedente", current > 1 ? pageHref(request, base, current - 1) : "");
        model.put("suivante", current < pages ? pageHref(request, base, current + 1) : "");
        return model;
    }

    private static String pageHref(ListRequest request, String base, int page) {
        Map<String, String> change = new HashMap<>();
        change.put("page", page == 1 ? null : String.valueOf(page));
        return base + queryString(request.query(change));
    }

    private static Map<String, String> pageReset() {
        Map<String, String> change = new HashMap<>();
        change.put("page", null);
        return change;
    }

    private static String queryString(String query) {
        return query.isEmpty() ? "" : "?" + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
