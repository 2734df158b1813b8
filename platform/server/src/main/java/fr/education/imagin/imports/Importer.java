package fr.education.imagin.imports;

import fr.education.imagin.core.tenant.Tenant;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One kind of file the academy office imports. Blocking (JDBC, plugins): runs on a worker
 * thread. Validates every row first and writes nothing unless all of them are right; then writes
 * the whole file in one transaction.
 */
public interface Importer {

    ImportReport run(Tenant tenant, Path file, String actor, Progress progress) throws IOException;

    /** Where an import stands, for the page's progress bar: a percentage and the step under way (French). */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (percent, step) -> {
        };

        void at(int percent, String step);
    }
}
