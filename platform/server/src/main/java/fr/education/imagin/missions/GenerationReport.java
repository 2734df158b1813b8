package fr.education.imagin.missions;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a registration import. With errors nothing was written; otherwise the
 * missions were created or updated in one transaction and the warnings are worth reading.
 *
 * @param errors   why the import was refused (French)
 * @param warnings what the plugins noticed without refusing the import (French)
 * @param created  missions created, per mission type code
 * @param updated  missions that already existed and were updated, per mission type code
 * @param centres  establishments the import made exam centres of the académie (they hold a mission), by UAI
 */
public record GenerationReport(List<String> errors, List<String> warnings, Map<String, Integer> created,
                               Map<String, Integer> updated, List<String> centres) {

    public GenerationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        created = Map.copyOf(created);
        updated = Map.copyOf(updated);
        centres = List.copyOf(centres);
    }

    static GenerationReport refused(List<String> errors, List<String> warnings) {
        return new GenerationReport(errors, warnings, Map.of(), Map.of(), List.of());
    }

    public boolean accepted() {
        return errors.isEmpty();
    }
}
