package fr.education.imagin.core.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"05/03/2024", "5/3/2024", "05-03-2024", "05.03.2024", " 05 / 03 / 2024 ", "05/03/24"})
    void datesAreReadAsFrenchUsersTypeThem(String typed) {
        assertThat(FrenchInput.date(typed, "date de début").value()).contains(LocalDate.of(2024, 3, 5));
    }

    @Test
    void anImpossibleOrMalformedDateIsRefusedWithAMessageNamingTheField() {
        assertThat(FrenchInput.date("31/02/2024", "date de début").error())
                .isEqualTo("La date de début « 31/02/2024 » n'existe pas.");
        assertThat(FrenchInput.date("2024-03-05", "date de fin").error())
                .isEqualTo("La date de fin « 2024-03-05 » n'est pas au format JJ/MM/AAAA.");
        assertThat(FrenchInput.date("demain", "date de fin").isError()).isTrue();
        assertThat(FrenchInput.date("  ", "date de fin").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"14:30,14,30", "14h30,14,30", "14h,14,0", "9:05,9,5", "14 h 30,14,30", "8H15,8,15"})
    void timesAreRead(String typed, int hours, int minutes) {
        assertThat(FrenchInput.time(typed, "heure de début").value()).contains(LocalTime.of(hours, minutes));
    }

    @Test
    void anImpossibleTimeIsRefused() {
        assertThat(FrenchInput.time("25:00", "heure de début").error()).isEqualTo("L'heure de début « 25:00 » n'existe pas.");
        assertThat(FrenchInput.time("midi", "heure de fin").error()).isEqualTo("L'heure de fin « midi » n'est pas au format HH:MM.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12,5|12.5", "12.5|12.5", "1 268,00|1268.00", "1268,00 €|1268.00",
            "1\u00A0268,00\u00A0€|1268.00", "1\u202F268|1268", "-3,25|-3.25", "0|0"})
    void decimalsAndAmountsAreRead(String typed, String expected) {
        assertThat(FrenchInput.decimal(typed, "montant").value()).contains(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,5,3", "abc", "12 5", "1,2.3", "€"})
    void anythingElseIsNotANumber(String typed) {
        assertThat(FrenchInput.decimal(typed, "montant").error())
                .isEqualTo("La valeur « " + typed.strip() + " » du champ montant n'est pas un nombre (exemple : 1268,50).");
    }

    @Test
    void yearsOutsideTheAcceptedRangeAreRefused() {
        assertThat(FrenchInput.date("01/01/0000", "date de début").error())
                .contains("La date de début « 01/01/0000 » doit être comprise entre les années 1900 et 2100.");
        assertThat(FrenchInput.date("31/12/9999", "date de fin").isError()).isTrue();
        assertThat(FrenchInput.date("01/01/1900", "date de fin").value()).contains(LocalDate.of(1900, 1, 1));
        assertThat(FrenchInput.date("31/12/2100", "date de fin").value()).contains(LocalDate.of(2100, 12, 31));
    }

    @Test
    void anUaiIsSevenDigitsAndACapitalLetter() {
        assertThat(FrenchInput.uai("0310038Y")).isTrue();
        assertThat(FrenchInput.uai("0310038y")).isFalse();
        assertThat(FrenchInput.uai("031003Y")).isFalse();
        assertThat(FrenchInput.uai("0310038YY")).isFalse();
        assertThat(FrenchInput.uai(" 0310038Y")).isFalse();
        assertThat(FrenchInput.uai(null)).isFalse();
    }
}
