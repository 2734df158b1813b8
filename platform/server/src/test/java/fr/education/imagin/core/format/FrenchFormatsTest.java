package fr.education.imagin.core.format;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchFormatsTest {

    @Test
    void datesTimesAndTimestampsAreWrittenTheFrenchWay() {
        assertThat(FrenchFormats.date(LocalDate.of(2016, 12, 5))).isEqualTo("05/12/2016");
        assertThat(FrenchFormats.time(LocalTime.of(9, 5))).isEqualTo("09:05");
        assertThat(FrenchFormats.dateTime(LocalDateTime.of(2016, 12, 12, 14, 18))).isEqualTo("12/12/2016 14:18");
        assertThat(FrenchFormats.timestamp(LocalDateTime.of(2016, 12, 12, 14, 18, 38))).isEqualTo("12/12/2016 14:18:38");
        assertThat(FrenchFormats.date(null)).isEmpty();
    }

    @Test
    void instantsAreShownInParisTime() {
        OffsetDateTime utc = OffsetDateTime.of(2024, 7, 1, 22, 30, 0, 0, ZoneOffset.UTC);
        assertThat(FrenchFormats.dateTime(utc)).isEqualTo("02/07/2024 00:30");
    }

    @Test
    void amountsPrintAsTheGuideDoesWithADecimalCommaAndTheEuroSign() {
        assertThat(FrenchFormats.amountNumber(new BigDecimal("1234567.5"))).isEqualTo("1\u00A0234\u00A0567,50");
        // Amounts print as the guide prints the indemnités des chefs de centre, without grouping (§4.5).
        assertThat(FrenchFormats.amount(new BigDecimal("1268"))).isEqualTo("1268,00\u00A0€");
        assertThat(FrenchFormats.amount(new BigDecimal("69.735"))).isEqualTo("69,74\u00A0€");
        assertThat(FrenchFormats.decimal(new BigDecimal("5.5"), 1)).isEqualTo("5,5");
        assertThat(FrenchFormats.decimal(new BigDecimal("-12.25"), 2)).isEqualTo("-12,25");
        assertThat(FrenchFormats.integer(154)).isEqualTo("154");
        assertThat(FrenchFormats.integer(5000)).isEqualTo("5\u00A0000");
    }
}
