package fr.education.imagin.core.list;

import java.util.List;

/**
 * Receives an export's rows one at a time while they are read from the database. Returning
 * false asks to pause reading until {@link ListService} is told to resume (back-pressure).
 */
public interface RowSink {

    /** {@code labels} as on screen; {@code csv} as written to a CSV file (plainer numbers). */
    boolean accept(List<String> labels, List<String> csv);

    /** Called once pausing was asked, with what resumes reading. */
    void onPause(Runnable resume);
}
