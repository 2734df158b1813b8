package fr.education.imagin.plugin.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The bracket input limits of guide §4.5: "xx,x < 100" and "x,x <= 3". */
class IccTrancheTest {

    private final IccTranche moinsDe100 = IccTranche.below("PLUS_DE_600", "Plus de 600 candidats", 100);
    private final IccTranche auPlus3 = IccTranche.atMost("JOURS_SUPPLEMENTAIRES", "Supplémentaires", 3);

    @Test
    void theFormatHintIsTheGuides() {
        assertThat(moinsDe100.format()).isEqualTo("xx,x < 100");
        assertThat(auPlus3.format()).isEqualTo("x,x <= 3");
    }

    @Test
    void limitsAndOneDecimalAreEnforced() {
        assertThat(moinsDe100.refusal(new BigDecimal("99.9"))).isEmpty();
        assertThat(moinsDe100.refusal(BigDecimal.ZERO)).isEmpty();
        assertThat(moinsDe100.refusal(new BigDecimal("100"))).hasValue("Plus de 600 candidats : 100 n'est pas accepté (format xx,x < 100)");
        assertThat(auPlus3.refusal(new BigDecimal("3.0"))).isEmpty();
        assertThat(auPlus3.refusal(new BigDecimal("3.5"))).hasValue("Supplémentaires : 3,5 n'est pas accepté (format x,x <= 3)");
        assertThat(auPlus3.refusal(new BigDecimal("1.25"))).isPresent();
        assertThat(auPlus3.refusal(new BigDecimal("-1"))).isPresent();
    }

    @Test
    void theDefaultAmountIsDaysTimesRatesRoundedHalfUpToTheCent() {
        IccScheme scheme = new IccScheme() {
            @Override public String code() { return "T"; }
            @Override public String libelle() { return "T"; }
            @Override public java.util.Set<String> examCodes() { return java.util.Set.of("1"); }
            @Override public java.util.Set<IccPeriode> periodes() { return java.util.Set.of(IccPeriode.NORMALE); }
            @Override public java.util.List<IccTranche> tranches() { return java.util.List.of(moinsDe100, auPlus3); }
            @Override public java.util.Optional<BigDecimal> regulatoryRate(String t, int y) { return java.util.Optional.empty(); }
        };
        assertThat(scheme.amount(
                java.util.Map.of("PLUS_DE_600", new BigDecimal("0.5"), "JOURS_SUPPLEMENTAIRES", BigDecimal.ZERO),
                java.util.Map.of("PLUS_DE_600", new BigDecimal("173.33"))))
                .isEqualByComparingTo("86.67").extracting(BigDecimal::scale).isEqualTo(2);
    }
}
