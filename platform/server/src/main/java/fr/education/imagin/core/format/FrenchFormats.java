package fr.education.imagin.core.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How every value is written for French users (SH-11): on screen, in CSV and in PDF.
 * Dates JJ/MM/AAAA, times HH:MM, amounts {@code 1 268,00 €}, decimals with a comma.
 * Thousands are grouped with a no-break space (U+00A0), which the PDF font has and Excel reads.
 */
public final class FrenchFormats {

    /** French users read times in metropolitan French time, whatever the server's zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    public static final char NO_BREAK_SPACE = '\u00A0';

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", Locale.FRANCE);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss", Locale.FRANCE);
    private static final DateTimeFormatter DAY_DATE = DateTimeFormatter.ofPattern("EEEE dd/MM/uuuu", Locale.FRANCE);
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.FRANCE);

    private FrenchFormats() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String time(LocalTime time) {
        return time == null ? "" : TIME.format(time);
    }

    public static String dateTime(LocalDateTime dateTime) {
        return dateTime == null ? "" : DATE_TIME.format(dateTime);
    }

    /** {@code mardi 15/03/2016}, as convocations and mission lists write a day. */
    public static String dayDate(LocalDate date) {
        return date == null ? "" : DAY_DATE.format(date);
    }

    /** An instant as a French user reads it, in {@link #ZONE}. */
    public static String dateTime(OffsetDateTime instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZoneSameInstant(ZONE));
    }

    /** The console's {@code 12/12/2016 14:18:38}. */
    public static String timestamp(LocalDateTime dateTime) {
        return dateTime == null ? "" : TIMESTAMP.format(dateTime);
    }

    /** {@code 20161214}, for file names. */
    public static String compactDate(LocalDate date) {
        return COMPACT_DATE.format(date);
    }

    /**
     * {@code 1268,00 €}: as the guide prints amounts (§4.5), thousands not grouped, so that the
     * browser's live totals of the ICC read the same as the server's, in every screen and export.
     */
    public static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',')
                + NO_BREAK_SPACE + "€";
    }

    /** {@code 1 268,00}: two decimals, grouped thousands, no currency sign. */
    public static String amountNumber(BigDecimal amount) {
        return amount == null ? "" : grouped(2, 2).format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** {@code 5,5}: decimal comma, as many decimals as the value has (up to {@code maxDecimals}). */
    public static String decimal(BigDecimal value, int maxDecimals) {
        return value == null ? "" : grouped(0, maxDecimals).format(value);
    }

    /** {@code 1 268}. */
    public static String integer(long value) {
        return grouped(0, 0).format(value);
    }

    private static DecimalFormat grouped(int minDecimals, int maxDecimals) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator(NO_BREAK_SPACE);
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
