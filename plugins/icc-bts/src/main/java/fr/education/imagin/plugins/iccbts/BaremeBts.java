package fr.education.imagin.plugins.iccbts;

import fr.education.imagin.plugin.api.IccPeriode;
import fr.education.imagin.plugin.api.IccScheme;
import fr.education.imagin.plugin.api.IccTranche;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Indemnités des chefs de centre of the BTS (guide §4.5, SPEC ICC-1…5): session normale only
 * (no épreuves de remplacement); days with 11 to 50, 51 to 100 and more than 100 candidates.
 */
@Extension
public final class BaremeBts implements IccScheme {

    static final String DE_11_A_50 = "DE_11_A_50";
    static final String DE_51_A_100 = "DE_51_A_100";
    static final String PLUS_DE_100 = "PLUS_DE_100";

    private static final List<IccTranche> TRANCHES = List.of(
            IccTranche.below(DE_11_A_50, "De 11 à 50 candidats", 100),
            IccTranche.below(DE_51_A_100, "De 51 à 100 candidats", 100),
            IccTranche.below(PLUS_DE_100, "Plus de 100 candidats", 100));

    /** Décret 2022-1146 and arrêté du 10 août 2022, from the 2022 session. */
    private static final int FIRST_REGULATED_SESSION = 2022;
    private static final Map<String, BigDecimal> RATES_2022 = Map.of(
            DE_11_A_50, new BigDecimal("50.00"),
            DE_51_A_100, new BigDecimal("80.00"),
            PLUS_DE_100, new BigDecimal("150.00"));

    @Override
    public String code() {
        return "BTS";
    }

    @Override
    public String libelle() {
        return "Brevet de technicien supérieur";
    }

    @Override
    public Set<String> examCodes() {
        return Set.of("320");
    }

    @Override
    public Set<IccPeriode> periodes() {
        return Set.of(IccPeriode.NORMALE);
    }

    @Override
    public List<IccTranche> tranches() {
        return TRANCHES;
    }

    @Override
    public Optional<BigDecimal> regulatoryRate(String trancheCode, int sessionYear) {
        return sessionYear < FIRST_REGULATED_SESSION ? Optional.empty() : Optional.ofNullable(RATES_2022.get(trancheCode));
    }
}
