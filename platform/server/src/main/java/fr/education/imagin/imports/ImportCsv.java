package fr.education.imagin.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The office's CSV files as {@link StaffFile} reads them: UTF-8 (a byte order mark is skipped),
 * ';'-separated, '"' quoting, first line = the column names in any order (case ignored), blank
 * lines ignored. Checks the header (unknown, doubled and missing columns refuse the file at line
 * 1), then hands each line with the right number of fields to the caller, its values stripped and
 * keyed by lower-case column name; a line with another number of fields, an empty required value
 * or a value longer than {@value #MAX_TEXT} characters is refused with its line number.
 */
final class ImportCsv {

    static final int MAX_TEXT = 200;

    /** One line of the file whose fields are all present: its number and its values by column. */
    @FunctionalInterface
    interface RowHandler {
        void row(int line, Map<String, String> values);
    }

    private ImportCsv() {
    }

    /**
     * Reads {@code source}, refusing into {@code rejets}; returns the data lines read (0 when the
     * header is refused). {@code empty} is the refusal of a file without data lines.
     */
    static int read(Reader source, List<String> columns, Set<String> optional, String empty, List<ImportReport.Rejet> rejets,
                    RowHandler handler) {
        int lignes = 0;
        CSVFormat format = CSVFormat.Builder.create().setDelimiter(';').setQuote('"').setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setIgnoreHeaderCase(true).get();
        try (CSVParser parser = CSVParser.parse(withoutBom(source), format)) {
            if (!header(parser.getHeaderNames(), columns, rejets)) {
                return 0;
            }
            for (CSVRecord record : parser) {
                lignes++;
                int line = (int) parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    rejets.add(new ImportReport.Rejet(line, record.size() + " champs au lieu de " + columns.size() + "."));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                record.toMap().forEach((k, v) -> values.put(k.strip().toLowerCase(Locale.ROOT), v == null ? "" : v.strip()));
                boolean complete = true;
                for (String column : columns) {
                    String value = values.get(column);
                    if (value.isEmpty() && !optional.contains(column)) {
                        rejets.add(new ImportReport.Rejet(line, column + " manquant."));
                        complete = false;
                    } else if (value.length() > MAX_TEXT) {
                        rejets.add(new ImportReport.Rejet(line, column + " trop long (" + MAX_TEXT + " caractères au plus)."));
                        complete = false;
                    }
                }
                if (complete) {
                    handler.row(line, values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a quote left open this way.
            rejets.add(new ImportReport.Rejet(null, "Fichier CSV illisible après la ligne " + (lignes + 1) + " : "
                    + Objects.requireNonNullElse(e.getMessage(), "guillemet non fermé") + "."));
        }
        if (lignes == 0 && rejets.isEmpty()) {
            rejets.add(new ImportReport.Rejet(null, empty));
        }
        return lignes;
    }

    private static Reader withoutBom(Reader source) {
        PushbackReader reader = new PushbackReader(source, 1);
        try {
            int first = reader.read();
            if (first >= 0 && first != '\uFEFF') {
                reader.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
    }

    private static boolean header(List<String> names, List<String> columns, List<ImportReport.Rejet> rejets) {
        List<String> seen = new ArrayList<>();
        int before = rejets.size();
        for (String raw : names) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (!columns.contains(name)) {
                rejets.add(new ImportReport.Rejet(1, "colonne « " + name + " » inconnue."));
            } else if (seen.contains(name)) {
                rejets.add(new ImportReport.Rejet(1, "colonne « " + name + " » en double."));
            }
            seen.add(name);
        }
        columns.stream().filter(c -> !seen.contains(c)).forEach(c -> rejets.add(new ImportReport.Rejet(1, "colonne « " + c + " » manquante.")));
        return rejets.size() == before;
    }
}
