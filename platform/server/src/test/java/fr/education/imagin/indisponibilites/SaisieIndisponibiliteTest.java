package fr.education.imagin.indisponibilites;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the "Ajouter une indisponibilité" form: every mistake named in French, nothing half-read. */
class SaisieIndisponibiliteTest {

    @Test
    void aValidPeriodIsReadWithItsTrimmedMotif() {
        SaisieIndisponibilite.Lecture lecture =
                new SaisieIndisponibilite(" 11/06/2031 ", "07:00", "12/06/2031", "18h30", "  Sortie scolaire ").lire();
        assertThat(lecture.erreurs()).isEmpty();
        assertThat(lecture.periode()).hasValue(new SaisieIndisponibilite.Periode(
                LocalDateTime.of(2031, 6, 11, 7, 0), LocalDateTime.of(2031, 6, 12, 18, 30), "Sortie scolaire"));
    }

    @Test
    void anEndBeforeOrAtTheStartIsRefused() {
        assertThat(new SaisieIndisponibilite("12/06/2031", "08:00", "11/06/2031", "18:00", "Stage").lire().erreurs())
                .containsExactly("La fin de l'indisponibilité (11/06/2031 18:00) doit être postérieure à son début (12/06/2031 08:00).");
        SaisieIndisponibilite.Lecture same = new SaisieIndisponibilite("12/06/2031", "08:00", "12/06/2031", "08:00", "Stage").lire();
        assertThat(same.periode()).isEmpty();
        assertThat(same.erreurs()).hasSize(1);
    }

    @Test
    void wrongFormatsAndMissingFieldsAreEachNamed() {
        SaisieIndisponibilite.Lecture lecture = new SaisieIndisponibilite("2031-06-12", "25:00", "31/02/2031", "", " ").lire();
        assertThat(lecture.periode()).isEmpty();
        assertThat(lecture.erreurs()).containsExactly(
                "La date de début « 2031-06-12 » n'est pas au format JJ/MM/AAAA.",
                "L'heure de début « 25:00 » n'existe pas.",
                "La date de fin « 31/02/2031 » n'existe pas.",
                "L'heure de fin est obligatoire (format HH:MM).",
                "Le motif est obligatoire.");
    }

    @Test
    void aMissingMotifAloneIsEnoughToRefuse() {
        SaisieIndisponibilite.Lecture lecture = new SaisieIndisponibilite("11/06/2031", "08:00", "11/06/2031", "10:00", null).lire();
        assertThat(lecture.periode()).isEmpty();
        assertThat(lecture.erreurs()).containsExactly("Le motif est obligatoire.");
        assertThat(new SaisieIndisponibilite("11/06/2031", "08:00", "11/06/2031", "10:00", "x".repeat(201)).lire().erreurs())
                .containsExactly("Le motif ne peut pas dépasser 200 caractères.");
    }
}
