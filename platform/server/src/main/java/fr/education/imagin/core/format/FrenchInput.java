package fr.education.imagin.core.format;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what French users type (SH-11) and refuses the rest with a message naming the field and
 * the expected format. Accepted: dates {@code 05/03/2024}, {@code 5/3/2024}, {@code 05-03-2024},
 * {@code 05.03.2024}, {@code 05/03/24}; times {@code 14:30}, {@code 14h30}, {@code 14h}, {@code 9:05};
 * decimals {@code 12,5}, {@code 12.5}, {@code 1 268,00}, {@code 1268,00 €}.
 */
public final class FrenchInput {

    private static final Pattern DATE = Pattern.compile("(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*(\\d{4}|\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})\\s*(?:[:h]\\s*(\\d{2})?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(?:[.,]\\d+)?");
    /** Spaces users and spreadsheets put between thousands: plain, no-break, narrow no-break. */
    private static final Pattern SPACES = Pattern.compile("[\\s\u00A0\u202F]+$");
    private static final Pattern GROUPING = Pattern.compile("(?<=\\d)[ \u00A0\u202F](?=\\d{3}(?:\\D|$))");

    /** The years a typed date may have. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;

    private FrenchInput() {
    }

    private static final Pattern UAI = Pattern.compile("[0-9]{7}[A-Z]");

    /** Whether {@code input} is written as an establishment's UAI: 7 digits and a capital letter ({@code 0310038Y}). */
    public static boolean uai(String input) {
        return input != null && UAI.matcher(input).matches();
    }

    /** A date; {@code field} names it in the message, e.g. "date de début". */
    public static Parsed<LocalDate> date(String input, String field) {
        if (blank(input)) {
            return Parsed.empty();
        }
        Matcher m = DATE.matcher(input.strip());
        if (!m.matches()) {
            return Parsed.error("La " + field + " « " + input.strip() + " » n'est pas au format JJ/MM/AAAA.");
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += 2000;
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            // 0000 or 9999 parse, but no exam, mission or birth date is there: a typing slip.
            return Parsed.error("La " + field + " « " + input.strip() + " » doit être comprise entre les années "
                    + FIRST_YEAR + " et " + LAST_YEAR + ".");
        }
        try {
            return Parsed.of(LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        } catch (DateTimeException e) {
            return Parsed.error("La " + field + " « " + input.strip() + " » n'existe pas.");
        }
    }

    /** A time of day; {@code field} names it in the message, e.g. "heure de début". */
    public static Parsed<LocalTime> time(String input, String field) {
        if (blank(input)) {
            return Parsed.empty();
        }
        Matcher m = TIME.matcher(input.strip());
        if (!m.matches()) {
            return Parsed.error("L'" + field + " « " + input.strip() + " » n'est pas au format HH:MM.");
        }
        int hours = Integer.parseInt(m.group(1));
        int minutes = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (hours > 23 || minutes > 59) {
            return Parsed.error("L'" + field + " « " + input.strip() + " » n'existe pas.");
        }
        return Parsed.of(LocalTime.of(hours, minutes));
    }

    /** A decimal number or an amount (a trailing € is allowed); {@code field} names it. */
    public static Parsed<BigDecimal> decimal(String input, String field) {
        if (blank(input)) {
            return Parsed.empty();
        }
        String compact = GROUPING.matcher(input.strip()).replaceAll("");
        compact = compact.endsWith("€") ? SPACES.matcher(compact.substring(0, compact.length() - 1)).replaceAll("") : compact;
        if (!DECIMAL.matcher(compact).matches()) {
            return Parsed.error("La valeur « " + input.strip() + " » du champ " + field
                    + " n'est pas un nombre (exemple : 1268,50).");
        }
        return Parsed.of(new BigDecimal(compact.replace(',', '.')));
    }

    private static boolean blank(String input) {
        return input == null || input.isBlank();
    }
}
