package fr.education.imagin.core.list;

import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a screen declares about its list; the list mechanism does the rest (count in the
 * title, keyword filter, sorting, paging, filters, row links, CSV and PDF exports).
 *
 * <pre>{@code
 * ListDefinition.builder("personnels", "Liste des personnels")
 *     .from("personnel p join lieu_exercice l on l.personnel_id = p.id and l.uai = $1",
 *           ctx -> List.of(uaiOf(ctx)))
 *     .id("p.id")
 *     .column(Column.text("nom", "Nom", "p.nom"))
 *     .sortedBy("nom")
 *     .build();
 * }</pre>
 *
 * {@code from} is the SQL after {@code FROM} (joins and lateral subqueries; no GROUP BY), its
 * {@code $1..$n} bound from the request by the scope function: the rows a user may see are
 * decided there, so every list of the same screen, page or export, shows the same rows.
 */
public final class ListDefinition {

    private final String name;
    private final String titre;
    private final String from;
    private final Function<RoutingContext, List<Object>> scope;
    private final String idSql;
    private final List<Column> columns;
    private final List<ListFilter> filters;
    private final Column defaultSort;
    private final boolean detailLinks;
    private final String emptyMessage;
    private final String exportsLabel;
    private final List<ExportGroup> moreExports;
    private final String filterButton;
    private final Selection selection;
    private final boolean countedApart;

    private ListDefinition(Builder b) {
        name = b.name;
        titre = b.titre;
        from = Objects.requireNonNull(b.from, "from");
        scope = b.scope;
        idSql = b.idSql;
        columns = List.copyOf(b.columns);
        filters = List.copyOf(b.filters);
        defaultSort = column(b.defaultSort).orElseThrow(() -> new IllegalArgumentException("unknown sort column " + b.defaultSort));
        detailLinks = b.detailLinks;
        emptyMessage = b.emptyMessage;
        exportsLabel = b.exportsLabel;
        moreExports = List.copyOf(b.moreExports);
        filterButton = b.filterButton;
        selection = b.selection;
        countedApart = b.countedApart;
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a list needs columns");
        }
        if (detailLinks && idSql == null) {
            throw new IllegalArgumentException("rows open a detail screen only with an id");
        }
        if (selection != null && idSql == null) {
            throw new IllegalArgumentException("rows are selectable only with an id");
        }
    }

    public static Builder builder(String name, String titre) {
        return new Builder(name, titre);
    }

    /** File names and element ids: {@code personnels}. */
    public String name() {
        return name;
    }

    /** {@code Liste des personnels}, completed with the row count on screen. */
    public String titre() {
        return titre;
    }

    String from() {
        return from;
    }

    List<Object> scope(RoutingContext ctx) {
        return scope.apply(ctx);
    }

    Optional<String> idSql() {
        return Optional.ofNullable(idSql);
    }

    public List<Column> columns() {
        return columns;
    }

    List<ListFilter> filters() {
        return filters;
    }

    Column defaultSort() {
        return defaultSort;
    }

    boolean detailLinks() {
        return detailLinks;
    }

    String emptyMessage() {
        return emptyMessage;
    }

    String exportsLabel() {
        return exportsLabel;
    }

    /** The label of the button applying the filters: "Filtrer", or e.g. "Filtrer missions". */
    String filterButton() {
        return filterButton;
    }

    /** The same list with the filters as they serve one request (see {@link ListFilter#forRequest}). */
    ListDefinition withFilters(List<ListFilter> requestFilters) {
        Builder copy = new Builder(name, titre);
        copy.from = from;
        copy.scope = scope;
        copy.idSql = idSql;
        copy.columns.addAll(columns);
        copy.filters.addAll(requestFilters);
        copy.defaultSort = defaultSort.key();
        copy.detailLinks = detailLinks;
        copy.emptyMessage = emptyMessage;
        copy.exportsLabel = exportsLabel;
        copy.moreExports.addAll(moreExports);
        copy.filterButton = filterButton;
        copy.selection = selection;
        copy.countedApart = countedApart;
        return new ListDefinition(copy);
    }

    /** Download groups after the list's own, e.g. "Télécharger les personnels et leurs missions". */
    List<ExportGroup> moreExports() {
        return moreExports;
    }

    /** The page's total is counted by a query of its own (see {@link Builder#countedApart()}). */
    boolean countedApart() {
        return countedApart;
    }

    /** Rows carry a checkbox, when the screen acts on a selection of them. */
    Optional<Selection> selection() {
        return Optional.ofNullable(selection);
    }

    /**
     * A checkbox per row, named {@code parameter} with the row's id as value, belonging to the
     * screen's form {@code form} (HTML {@code form} attribute: the list region, redrawn by the live
     * filter, stays outside the form that sends the selection).
     */
    public record Selection(String parameter, String form) {
    }

    /** A labelled group of download buttons under the list. */
    public record ExportGroup(String label, List<ExportAction> actions) {
    }

    Optional<Column> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public static final class Builder {
        private final String name;
        private final String titre;
        private String from;
        private Function<RoutingContext, List<Object>> scope = ctx -> List.of();
        private String idSql;
        private final List<Column> columns = new ArrayList<>();
        private final List<ListFilter> filters = new ArrayList<>();
        private String defaultSort;
        private boolean detailLinks;
        private String emptyMessage = "Aucune ligne ne correspond à la recherche.";
        private String exportsLabel = "Télécharger la liste";
        private final List<ExportGroup> moreExports = new ArrayList<>();
        private String filterButton = "Filtrer";
        private Selection selection;
        private boolean countedApart;

        private Builder(String name, String titre) {
            this.name = name;
            this.titre = titre;
        }

        public Builder from(String sql, Function<RoutingContext, List<Object>> scope) {
            this.from = sql;
            this.scope = scope;
            return this;
        }

        /** The row's key; with {@link #rowsOpenDetail()} rows link to {@code <list path><id>}. */
        public Builder id(String sql) {
            this.idSql = sql;
            return this;
        }

        public Builder column(Column column) {
            columns.add(column);
            return this;
        }

        public Builder filter(ListFilter filter) {
            filters.add(filter);
            return this;
        }

        public Builder sortedBy(String columnKey) {
            this.defaultSort = columnKey;
            return this;
        }

        public Builder rowsOpenDetail() {
            this.detailLinks = true;
            return this;
        }

        public Builder emptyMessage(String message) {
            this.emptyMessage = message;
            return this;
        }

        /** The label of the CSV / PDF buttons, e.g. "Télécharger les personnels". */
        public Builder exportsLabel(String label) {
            this.exportsLabel = label;
            return this;
        }

        /** The label of the button applying the filters, "Filtrer" unless the guide names it. */
        public Builder filterButton(String label) {
            this.filterButton = label;
            return this;
        }

        /** Each row gets a checkbox sent with the screen's form {@code form} as {@code parameter=<id>}. */
        public Builder selectable(String parameter, String form) {
            this.selection = new Selection(parameter, form);
            return this;
        }

        /**
         * The page's total counted by a subquery of its own rather than by a window over the list:
         * the page can then be read in the order of an index, a hundred rows, where the window
         * computes every row of the list first. For long lists whose default order has an index
         * and whose {@code from} the count can read cheaply (joins it can drop or an index covers).
         * Not with a keyword, which only the whole row can match.
         */
        public Builder countedApart() {
            this.countedApart = true;
            return this;
        }

        /** More downloads of the same rows, each route mounted by the screen beside the list. */
        public Builder moreExports(String label, ExportAction... actions) {
            moreExports.add(new ExportGroup(label, List.of(actions)));
            return this;
        }

        public ListDefinition build() {
            return new ListDefinition(this);
        }
    }
}
