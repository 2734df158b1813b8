package fr.education.imagin.core.preferences;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisplayPreferencesTest {

    @Test
    void aFormWithOfferedValuesBecomesTheClassesOfThePage() {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("contraste", "sombre").add("taillePolice", "125")
                .add("interligne", "double").add("justification", "justifie");
        DisplayPreferences chosen = DisplayPreferences.fromForm(form).orElseThrow();
        assertThat(chosen.cssClasses()).isEqualTo("imagin-contraste-sombre imagin-police-125 imagin-interligne-double imagin-texte-justifie");
        assertThat(chosen.scheme()).isEqualTo("dark");
        assertThat(DisplayPreferences.fromJson(chosen.toJson())).isEqualTo(chosen);
    }

    @Test
    void aMissingOrForgedValueIsRefused() {
        MultiMap forged = MultiMap.caseInsensitiveMultiMap().add("contraste", "\" onload=\"x").add("taillePolice", "125")
                .add("interligne", "double").add("justification", "justifie");
        assertThat(DisplayPreferences.fromForm(forged)).isEmpty();
        assertThat(DisplayPreferences.fromForm(MultiMap.caseInsensitiveMultiMap())).isEmpty();
        assertThatThrownBy(() -> new DisplayPreferences("standard", "300", "normal", "gauche")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DisplayPreferences.DEFAULTS.scheme()).isEqualTo("light");
    }
}
