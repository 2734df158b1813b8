package fr.education.imagin.core.list;

import io.vertx.core.MultiMap;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of one list request: the screen's rows, narrowed by the filters and the keyword,
 * sorted by the chosen column (then by id, so pages never overlap), one page or all of them.
 * Result columns: {@code id} (when declared), then one per declared column in order.
 */
final class ListQuery {

    final String sql;
    final Tuple params;
    /** French messages of filters that could not be applied, for the console. */
    final List<String> errors;

    private ListQuery(String sql, Tuple params, List<String> errors) {
        this.sql = sql;
        this.params = params;
        this.errors = errors;
    }

    /** One page, each row carrying the total count of matching rows ({@code total}). */
    static ListQuery page(ListDefinition definition, ListRequest request, List<Object> scope) {
        return build(definition, request, scope, true);
    }

    /** Every matching row, for exports. */
    static ListQuery all(ListDefinition definition, ListRequest request, List<Object> scope) {
        return build(definition, request, scope, false);
    }

    /**
     * The ids of every matching row with their rank in the list's order ({@code id, rang}), for
     * exports that join more data to the rows the user selected.
     */
    static ListSelection selection(ListDefinition definition, ListRequest request, List<Object> scope) {
        String id = definition.idSql().orElseThrow(() -> new IllegalStateException(definition.name() + " has no id"));
        SqlBuilder sql = new SqlBuilder(scope);
        sql.append("select ").append(id).append(" as id, row_number() over (order by ").append(request.sort().sortSql())
                .append(request.ascending() ? " asc" : " desc").append(" nulls last, ").append(id).append(") as rang")
                .append(" from ").append(definition.from()).append(" where true");
        List<String> errors = filter(definition, request.filterParams(), sql);
        keyword(definition, request.keyword(), sql);
        return new ListSelection(sql.sql(), sql.values(), errors);
    }

    /** First column index of the declared columns in a result row. */
    static int firstColumn(ListDefinition definition) {
        return definition.idSql().isPresent() ? 1 : 0;
    }

    private static ListQuery build(ListDefinition definition, ListRequest request, List<Object> scope, boolean paged) {
        SqlBuilder where = new SqlBuilder(scope);
        where.append(" where true");
        List<String> errors = filter(definition, request.filterParams(), where);
        keyword(definition, request.keyword(), where);
        List<String> selected = new ArrayList<>();
        definition.idSql().ifPresent(id -> selected.add(id + " as id"));
        for (Column column : definition.columns()) {
            selected.add(column.sql() + " as " + column.key());
        }
        if (paged) {
            // The same conditions and parameters, counted apart or over the whole list.
            selected.add(definition.countedApart() && Keyword.words(request.keyword()).isEmpty()
                    ? "(select count(*) from " + definition.from() + where.sql() + ") as total"
                    : "count(*) over () as total");
        }
        SqlBuilder sql = where.restart("select " + String.join(", ", selected) + " from " + definition.from() + where.sql());
        sql.append(" order by ").append(request.sort().sortSql()).append(request.ascending() ? " asc" : " desc").append(" nulls last");
        definition.idSql().ifPresent(id -> sql.append(", ").append(id));
        if (paged) {
            sql.append(" limit ").append(sql.bind(ListRequest.PAGE_SIZE))
                    .append(" offset ").append(sql.bind(request.offset()));
        }
        return new ListQuery(sql.sql(), sql.tuple(), errors);
    }

    private static List<String> filter(ListDefinition definition, MultiMap params, SqlBuilder sql) {
        List<String> errors = new ArrayList<>();
        for (ListFilter filter : definition.filters()) {
            errors.addAll(filter.apply(params, sql));
        }
        return errors;
    }

    private static void keyword(ListDefinition definition, String keyword, SqlBuilder sql) {
        List<String> words = Keyword.words(keyword);
        if (words.isEmpty()) {
            return;
        }
        String labels = Keyword.foldSql("concat_ws(' ', " + definition.columns().stream()
                .map(c -> c.type().labelSql(c.sql())).collect(Collectors.joining(", ")) + ")");
        for (String word : words) {
            sql.append(" and strpos(").append(labels).append(", ").append(sql.bind(word)).append(") > 0");
        }
    }
}
