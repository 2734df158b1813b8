package fr.education.imagin.core.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11 point 9: elision, a title inside a sentence and its agreement with the civilité. */
class FrenchGrammarTest {

    @Test
    void deIsElidedBeforeAVowelOrAMuteH() {
        assertThat(FrenchGrammar.elide("de", "examinateur")).isEqualTo("d'examinateur");
        assertThat(FrenchGrammar.elide("de", "interrogatrice")).isEqualTo("d'interrogatrice");
        assertThat(FrenchGrammar.elide("de", "Épreuve")).isEqualTo("d'Épreuve");
        assertThat(FrenchGrammar.elide("de", "hôte")).isEqualTo("d'hôte");
        assertThat(FrenchGrammar.elide("la", "académie")).isEqualTo("l'académie");
        assertThat(FrenchGrammar.elide("que", "il")).isEqualTo("qu'il");
        assertThat(FrenchGrammar.elide("de", "correcteur")).isEqualTo("de correcteur");
        assertThat(FrenchGrammar.elide("de", "handball")).isEqualTo("de handball");
        assertThat(FrenchGrammar.elide("de", "haut niveau")).isEqualTo("de haut niveau");
        assertThat(FrenchGrammar.elide("de", "yaourt")).isEqualTo("de yaourt");
        assertThat(FrenchGrammar.elide("de", "")).isEqualTo("de");
    }

    @Test
    void aTitleInASentenceIsInLowerCaseAndAgreesWithTheCivilite() {
        assertThat(FrenchGrammar.inTheCapacityOf("Examinateur", "M.")).isEqualTo("en qualité d'examinateur");
        assertThat(FrenchGrammar.inTheCapacityOf("Examinateur", "Mme")).isEqualTo("en qualité d'examinatrice");
        assertThat(FrenchGrammar.inTheCapacityOf("Interrogateur", "Mme")).isEqualTo("en qualité d'interrogatrice");
        assertThat(FrenchGrammar.inTheCapacityOf("Correcteur", "M.")).isEqualTo("en qualité de correcteur");
        assertThat(FrenchGrammar.inTheCapacityOf("Correcteur suppléant", "Mme")).isEqualTo("en qualité de correctrice suppléante");
        assertThat(FrenchGrammar.inTheCapacityOf("Correcteur Santorin", "Mme")).isEqualTo("en qualité de correctrice Santorin");
        assertThat(FrenchGrammar.inTheCapacityOf("Président de jury", "Mme")).isEqualTo("en qualité de présidente de jury");
        assertThat(FrenchGrammar.inTheCapacityOf("Membre de jury", "Mme")).isEqualTo("en qualité de membre de jury");
        assertThat(FrenchGrammar.inTheCapacityOf("Vice-président (S3-3104)", "Mme")).isEqualTo("en qualité de vice-présidente (S3-3104)");
        assertThat(FrenchGrammar.inTheCapacityOf("Surveillant", "Mme")).isEqualTo("en qualité de surveillante");
        assertThat(FrenchGrammar.title("IA-IPR", "M.")).isEqualTo("IA-IPR");
    }

    @Test
    void placeNamesInCapitalsAreWrittenForASentence() {
        assertThat(FrenchGrammar.placeName("TOULOUSE")).isEqualTo("Toulouse");
        assertThat(FrenchGrammar.placeName("SAINT-JEAN-DE-LUZ")).isEqualTo("Saint-Jean-de-Luz");
        assertThat(FrenchGrammar.placeName("L'ISLE-JOURDAIN")).isEqualTo("L'Isle-Jourdain");
        assertThat(FrenchGrammar.placeName("EVRY-COURCOURONNES")).isEqualTo("Evry-Courcouronnes");
        assertThat(FrenchGrammar.placeName("BOULOGNE SUR MER")).isEqualTo("Boulogne sur Mer");
        assertThat(FrenchGrammar.placeName("")).isEmpty();
    }
}
