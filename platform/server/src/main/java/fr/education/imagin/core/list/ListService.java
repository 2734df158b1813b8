package fr.education.imagin.core.list;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;

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

    /**
     * Streams every matching row to {@code sink} through a server-side cursor, {@value #FETCH}
     * rows at a time, pausing while the sink is full: an export of any size holds one batch.
     * Completes with the number of rows sent.
     */
    Future<Long> stream(Tenant tenant, ListDefinition definition, ListRequest request, List<Object> scope, RowSink sink) {
        ListQuery query = ListQuery.all(definition, request, scope);
        int first = ListQuery.firstColumn(definition);
        return sql.inTenant(tenant, conn -> conn.prepare(query.sql).compose(statement -> {
            Promise<Long> done = Promise.promise();
            RowStream<Row> stream = statement.createStream(FETCH, query.params);
            long[] count = {0};
            stream.exceptionHandler(done::tryFail);
            stream.endHandler(v -> done.tryComplete(count[0]));
            stream.handler(row -> {
                count[0]++;
                if (!sink.accept(labels(definition, row, first), csv(definition, row, first))) {
                    stream.pause();
                    sink.onPause(stream::resume);
                }
            });
            return done.future().eventually(() -> stream.close());
        }));
    }

    private static List<String> labels(ListDefinition definition, Row row, int first) {
        List<String> labels = new ArrayList<>(definition.columns().size());
        for (int i = 0; i < definition.columns().size(); i++) {
            labels.add(definition.columns().get(i).type().display(row, first + i));
        }
        return labels;
    }

    private static List<String> csv(ListDefinition definition, Row row, int first) {
        List<String> cells = new ArrayList<>(definition.columns().size());
        for (int i = 0; i < definition.columns().size(); i++) {
            cells.add(definition.columns().get(i).type().csv(row, first + i));
        }
        return cells;
    }
}
