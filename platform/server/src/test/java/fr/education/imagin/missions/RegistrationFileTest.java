package fr.education.imagin.missions;

import fr.education.imagin.plugin.api.Inscription;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The registration import format: every problem reported at once, in French, with its line. */
class RegistrationFileTest {

    private static final String HEADER = String.join(";", RegistrationFile.COLUMNS);

    @Test
    void aValidLineBecomesAnInscription() {
        RegistrationFile.Parsed parsed = RegistrationFile.parse(new StringReader("\uFEFF" + HEADER + "\n"
                + "470;2021;BCG;BACCALAUREAT GENERAL;c009;\"Humanités, littérature philo; partie \"\"A\"\"\";ecrit;EC;"
                + "Individuel;12;0310038y;0310044E;;01/02/2021;05/02/2021;o\n\n"));
        assertThat(parsed.errors()).isEmpty();
        Inscription row = parsed.inscriptions().get(0);
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.epreuve()).isEqualTo("C009");
        assertThat(row.libelleEpreuve()).isEqualTo("Humanités, littérature philo; partie \"A\"");
        assertThat(row.nature()).isEqualTo(Inscription.Nature.ECRIT);
        assertThat(row.typeCandidat()).isEqualTo(Inscription.TypeCandidat.INDIVIDUEL);
        assertThat(row.centreNumerisation()).isEqualTo("0310038Y");
        assertThat(row.centreSantorin()).isEmpty();
        assertThat(row.premierJour()).isEqualTo(LocalDate.of(2021, 2, 1));
        assertThat(row.affectationTerminee()).isTrue();
    }

    @Test
    void columnsMayComeInAnyOrderButMustAllBeThere() {
        assertThat(RegistrationFile.parse(new StringReader("session;examen\n2021;470\n")).errors())
                .contains("Ligne 1 : colonne « specialite » manquante.", "Ligne 1 : colonne « affectation_terminee » manquante.");
        assertThat(RegistrationFile.parse(new StringReader(HEADER + ";couleur\n")).errors())
                .containsExactly("Ligne 1 : colonne « couleur » inconnue.");
    }

    @Test
    void everyBadFieldIsReportedWithItsLineAndNothingIsKept() {
        RegistrationFile.Parsed parsed = RegistrationFile.parse(new StringReader(HEADER + "\n"
                + "470;2021;BCG;;C001A;;ECRIT;EC;SCOLAIRE;10;0310038Y;0310038Y;;01/02/2021;05/02/2021;N\n"
                + "470;21;BCG;;C001A;;EKRIT;EC;SCOLAIRE;0;31038Y;0310038Y;;31/02/2021;05/02/2021;peut-être\n"
                + "470;2021;BCG;;C001A;;ECRIT;EC;SCOLAIRE;10;0310038Y;0310038Y;;06/02/2021;05/02/2021;N\n"
                + "470;2021;BCG\n"));
        assertThat(parsed.inscriptions()).isEmpty();
        assertThat(parsed.errors()).containsExactly(
                "Ligne 3 : session « 21 » invalide (entier de 2000 à 2100).",
                "Ligne 3 : nature « EKRIT » invalide (ECRIT ou ORAL ou PRATIQUE).",
                "Ligne 3 : candidats « 0 » invalide (entier de 1 à 100000).",
                "Ligne 3 : centre_numerisation « 31038Y » invalide (UAI de 7 chiffres et une lettre).",
                "Ligne 3 : date_debut « 31/02/2021 » invalide (date JJ/MM/AAAA).",
                "Ligne 3 : affectation_terminee « PEUT-ÊTRE » invalide (O ou N).",
                "Ligne 4 : date_fin (05/02/2021) antérieure à date_debut (06/02/2021).",
                "Ligne 5 : 3 champs au lieu de 16.");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(RegistrationFile.parse(new StringReader("")).errors()).containsExactly("Le fichier est vide.");
        assertThat(RegistrationFile.parse(new StringReader(HEADER + "\n")).errors())
                .containsExactly("Le fichier ne contient aucune ligne d'inscription.");
    }
}
