package fr.education.imagin.core.list;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** Runs list queries in the tenant's schema: one page for the screen, or a stream for exports. */
public final class ListService {

    /** Rows fetched per round trip while streaming an export. */
    private static final int FETCH = 500;

    private final TenantSql sql;

    public ListService(TenantSql sql) {
        this.sql = sql;
    }

    Future<ListPage> page(Tenant tenant, ListDefinition definition, ListRequest request, List<Object> scope) {
        ListQuery query = ListQuery.page(definition, request, scope);
        int first = ListQuery.firstColumn(definition);
        return sql.inTenant(tenant, conn -> conn.preparedQuery(query.sql).execute(query.params)).map(rows -> {
            List<ListPage.Row> page = new ArrayList<>(rows.size());
            long total = 0;
            for (Row row : rows) {
                String id = definition.idSql().isPresent() ? String.valueOf(row.getValue(0)) : null;
                page.add(new ListPage.Row(id, labels(definition, row, first)));
                total = row.getLong("total");
            }
            return new ListPage(page, total, query.errors);
        });
    }

    /** A small query in the tenant's schema (a filter's offered values). */
    Future<RowSet<Row>> query(Tenant tenant, String sql, List<Object> params) {
        return this.sql.inTenant(tenant, conn -> conn.preparedQuery(sql).execute(Tuple.from(params)));
    }

    /** Every row of the list as filtered and sorted, streamed to {@code sink} (see below). */
    Future<Long> stream(Tenant tenant, ListDefinition definition, ListRequest request, List<Object> scope, RowSink sink) {
        ListQuery query = ListQuery.all(definition, request, scope);
        return stream(tenant, query.sql, query.params, sink);
    }

    /**
     * Streams every row of {@code sql} to {@code sink} through a server-side cursor, {@value #FETCH}
     * rows at a time, pausing while the sink is full: an export of any size holds one batch.
     * Completes with the number of rows sent.
     */
    public Future<Long> stream(Tenant tenant, String sql, Tuple params, RowSink sink) {
        return this.sql.inTenant(tenant, conn -> conn.prepare(sql).compose(statement -> {
            Promise<Long> done = Promise.promise();
            RowStream<Row> stream = statement.createStream(FETCH, params);
            long[] count = {0};
            stream.exceptionHandler(done::tryFail);
            stream.endHandler(v -> done.tryComplete(count[0]));
            stream.handler(row -> {
                count[0]++;
                if (!sink.accept(row)) {
                    stream.pause();
                    sink.onPause(stream::resume);
                }
            });
            return done.future().eventually(() -> stream.close());
        }));
    }

    /** A streamed list row's cells as on screen. */
    static List<String> labels(ListDefinition definition, Row row) {
        return labels(definition, row, ListQuery.firstColumn(definition));
    }

    /** A streamed list row's cells as written to CSV. */
    static List<String> csv(ListDefinition definition, Row row) {
        List<String> cells = new ArrayList<>(definition.columns().size());
        int first = ListQuery.firstColumn(definition);
        for (int i = 0; i < definition.columns().size(); i++) {
            cells.add(definition.columns().get(i).type().csv(row, first + i));
        }
        return cells;
    }

    private static List<String> labels(ListDefinition definition, Row row, int first) {
        List<String> labels = new ArrayList<>(definition.columns().size());
        for (int i = 0; i < definition.columns().size(); i++) {
            labels.add(definition.columns().get(i).type().display(row, first + i));
        }
        return labels;
    }
}
