package fr.education.imagin.core.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one CSV writer of every export (SH-8): semicolon separated, first line the column labels,
 * UTF-8 with a byte order mark so French Excel opens it with its accents, CRLF line ends. Cells
 * are written as given (already in French formats); a cell that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, a tab or a carriage return) is neutralised with a
 * leading apostrophe, except a plain negative number such as {@code -12,5}.
 */
public final class CsvWriter {

    public static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.Builder.create()
            .setDelimiter(';')
            .setQuote('"')
            .setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator("\r\n")
            .get();
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d[\\d\u00A0 ]*(,\\d+)?");

    private final CSVPrinter printer;

    /** Starts the file on {@code out}: the byte order mark, then the header line. */
    public CsvWriter(Appendable out, List<String> header) {
        try {
            out.append(BOM);
            printer = new CSVPrinter(out, FORMAT);
            row(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(List<String> cells) {
        List<String> safe = new ArrayList<>(cells.size());
        for (String cell : cells) {
            safe.add(neutralise(cell));
        }
        try {
            printer.printRecord(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code =HYPERLINK(...)} becomes {@code '=HYPERLINK(...)}: shown as text, never run. */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || (first == '-' && !NEGATIVE_NUMBER.matcher(cell).matches());
        return formula ? "'" + cell : cell;
    }
}
