package fr.education.imagin.core.list;

import io.vertx.sqlclient.Row;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Receives a streamed query's rows one at a time while they are read from the database.
 * Returning false asks to pause reading until the given {@code resume} is run (back-pressure).
 */
public interface RowSink {

    boolean accept(Row row);

    /** Called once pausing was asked, with what resumes reading. */
    void onPause(Runnable resume);

    /** {@code RowSink.of(row -> csv.row(cells(row)), csv::onDrain)}. */
    static RowSink of(Predicate<Row> accept, Consumer<Runnable> onPause) {
        return new RowSink() {
            @Override
            public boolean accept(Row row) {
                return accept.test(row);
            }

            @Override
            public void onPause(Runnable resume) {
                onPause.accept(resume);
            }
        };
    }
}
