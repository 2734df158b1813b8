package fr.education.imagin.imports;

import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.missions.GenerationReport;
import fr.education.imagin.missions.MissionGeneration;
import fr.education.imagin.missions.RegistrationFile;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;

/**
 * Registrations and centres (Cyclades-like, EC-2): the file of {@link RegistrationFile}, whose
 * rows the académie's exam-type plugins turn into missions ({@link MissionGeneration}). The
 * plugins' blocking anomalies refuse the file like a wrong row; their warnings are reported.
 */
public final class RegistrationImport implements Importer {

    private final MissionGeneration generation;

    public RegistrationImport(MissionGeneration generation) {
        this.generation = generation;
    }

    @Override
    public ImportReport run(Tenant tenant, Path file, String actor, Progress progress) throws IOException {
        RegistrationFile.Parsed parsed;
        try (Reader in = ProgressInputStream.open(file, 60, progress)) {
            parsed = RegistrationFile.parse(in);
        }
        if (!parsed.ok()) {
            return ImportReport.refused(parsed.lignes(), rejets(parsed.errors()), List.of());
        }
        progress.at(60, "Génération des missions par les plugins et écriture");
        GenerationReport report = generation.generate(tenant, parsed.inscriptions(), actor);
        if (!report.accepted()) {
            return ImportReport.refused(parsed.lignes(), rejets(report.errors()), report.warnings());
        }
        List<String> informations = report.centres().isEmpty() ? List.of()
                : List.of((report.centres().size() > 1 ? "Établissements devenus centres d'examen de l'académie : "
                        : "Établissement devenu centre d'examen de l'académie : ") + String.join(", ", report.centres()) + ".");
        return new ImportReport(parsed.lignes(), List.of(), report.warnings(), report.created(), report.updated(), informations);
    }

    private static List<ImportReport.Rejet> rejets(List<String> errors) {
        return errors.stream().map(ImportReport.Rejet::of).toList();
    }
}
