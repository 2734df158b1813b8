package fr.education.imagin.core.list;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordTest {

    @Test
    void wordsAreFoldedLikeTheSqlSideFoldsTheLabels() {
        assertThat(Keyword.words("  Hélène   ÉLODIE  hélène ")).containsExactly("helene", "elodie");
        assertThat(Keyword.words("")).isEmpty();
        assertThat(Keyword.words(null)).isEmpty();
        assertThat(Keyword.fold("ÀÇÉÈÊËÎÏÔÖÙÛÜŸàçéèêëîïôöùûüÿ")).isEqualTo("aceeeeiioouuuyaceeeeiioouuuy");
    }

    @Test
    void aKeywordIsBoundedAndItsFoldingSqlIsAConstant() {
        assertThat(String.join(" ", Keyword.words("x".repeat(500)))).hasSize(Keyword.MAX_LENGTH);
        assertThat(Keyword.foldSql("p.nom")).startsWith("lower(translate(p.nom, '").doesNotContain("$");
    }
}
