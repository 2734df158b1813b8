package fr.education.imagin.imports;

import fr.education.imagin.core.format.FrenchInput;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a teachings file (STS-WEB-like): CSV as {@link ImportCsv} reads it, one line per teaching
 * of a person (a subject taught to a class or group of a MEF, in one establishment, in one
 * modality). The columns:
 * <pre>
 * numen;uai;matiere;modalite;mef;type_mef;structure
 * </pre>
 * All are required. The same teaching twice for a person is refused; whether the NUMEN and the
 * establishment exist is for the database to say ({@link TeachingImport}).
 */
public final class TeachingFile {

    static final List<String> COLUMNS = List.of("numen", "uai", "matiere", "modalite", "mef", "type_mef", "structure");
    /** The NUMEN, as the staff file has it ({@link StaffFile}). */
    private static final Pattern NUMEN = Pattern.compile("[0-9]{2}[A-Z][0-9]{7}[A-Z]{3}");

    /** One teaching; {@code matiere} in capitals, as the regulation's {@code matiere_enseignement} it is matched with. */
    public record Teaching(int line, String numen, String uai, String matiere, String modalite, String mef, String typeMef,
                           String structure) {

        String key() {
            return String.join("\u0001", numen, uai, matiere, modalite, mef, typeMef, structure);
        }
    }

    /**
     * The teachings of the well-formed lines in file order, the data lines read, and the refused
     * rows. The teachings are given even when rows are refused, so that what only the database can
     * check (people and establishments) is reported in the same pass; they are written only when
     * nothing is refused.
     */
    public record Rows(List<Teaching> teachings, int lignes, List<ImportReport.Rejet> rejets) {
    }

    private TeachingFile() {
    }

    public static Rows parse(Reader source) {
        List<ImportReport.Rejet> rejets = new ArrayList<>();
        List<Teaching> teachings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        // A large file repeats the same few establishments, subjects, modalities and MEFs: one String each.
        Map<String, String> shared = new HashMap<>();
        int lignes = ImportCsv.read(source, COLUMNS, Set.of(), "Le fichier ne contient aucune ligne d'enseignement.", rejets,
                (line, values) -> {
                    String numen = values.get("numen").toUpperCase(Locale.ROOT);
                    boolean ok = true;
                    if (!NUMEN.matcher(numen).matches()) {
                        rejets.add(new ImportReport.Rejet(line, "numen « " + numen
                                + " » invalide (2 chiffres, une lettre, 7 chiffres, 3 lettres)."));
                        ok = false;
                    }
                    String uai = values.get("uai").toUpperCase(Locale.ROOT);
                    if (!FrenchInput.uai(uai)) {
                        rejets.add(new ImportReport.Rejet(line, "uai « " + uai + " » invalide (7 chiffres et une lettre)."));
                        ok = false;
                    }
                    if (!ok) {
                        return;
                    }
                    Teaching t = new Teaching(line, numen, one(shared, uai), one(shared, values.get("matiere").toUpperCase(Locale.ROOT)),
                            one(shared, values.get("modalite").toUpperCase(Locale.ROOT)), one(shared, values.get("mef")),
                            one(shared, values.get("type_mef")), one(shared, values.get("structure")));
                    Integer first = seen.putIfAbsent(t.key(), line);
                    if (first != null) {
                        rejets.add(new ImportReport.Rejet(line, "enseignement déjà donné ligne " + first + " pour le NUMEN " + numen + "."));
                        return;
                    }
                    teachings.add(t);
                });
        rejets.sort(StaffFile.BY_LINE);
        return new Rows(List.copyOf(teachings), lignes, List.copyOf(rejets));
    }

    private static String one(Map<String, String> shared, String value) {
        String known = shared.putIfAbsent(value, value);
        return known == null ? value : known;
    }
}
