package fr.education.imagin.core.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #10 point 6: the layout adds the level's label, so a text carrying it must not show it twice. */
class ConsoleTest {

    @Test
    void aTextAlreadyStartingWithItsLevelLabelLosesIt() {
        assertThat(Console.withoutLabel(Console.Level.ERREUR, "Erreur : Impossible de créer cette épreuve."))
                .isEqualTo("Impossible de créer cette épreuve.");
        assertThat(Console.withoutLabel(Console.Level.ERREUR, "Erreur : Erreur : Impossible")).isEqualTo("Impossible");
        assertThat(Console.withoutLabel(Console.Level.AVERTISSEMENT, "Avertissement : attention")).isEqualTo("attention");
        // Only the level's own label, only at the start.
        assertThat(Console.withoutLabel(Console.Level.INFORMATION, "Erreur : gardé")).isEqualTo("Erreur : gardé");
        assertThat(Console.withoutLabel(Console.Level.ERREUR, "Le champ « Erreur : » est vide")).isEqualTo("Le champ « Erreur : » est vide");
    }
}
