package fr.education.imagin.demo;

import fr.education.imagin.core.db.CopyWriter;

import org.postgresql.copy.CopyManager;

import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads tables with {@code COPY} and keeps, per table in load order, the rows loaded and the time
 * taken since the previous table was loaded (so the generation of its rows is included).
 */
final class BulkLoader {

    /** Writes the rows of one table. */
    @FunctionalInterface
    interface Rows {
        void write(CopyWriter w) throws SQLException;
    }

    private final CopyManager copyManager;
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long phaseStart = System.nanoTime();

    BulkLoader(CopyManager copyManager) {
        this.copyManager = copyManager;
    }

    void copy(String table, String columns, Rows body) throws SQLException {
        try (CopyWriter w = CopyWriter.open(copyManager, table, columns)) {
            body.write(w);
            rows.merge(table, w.finish(), Long::sum);
            long now = System.nanoTime();
            millis.merge(table, (now - phaseStart) / 1_000_000, Long::sum);
            phaseStart = now;
        }
    }

    /** Rows loaded per table, in load order. */
    Map<String, Long> rowsByTable() {
        return Collections.unmodifiableMap(rows);
    }

    Map<String, Long> millisByTable() {
        return Collections.unmodifiableMap(millis);
    }

    long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
