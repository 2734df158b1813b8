package fr.education.imagin.plugins.iccbac;

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
 * Indemnités des chefs de centre of the baccalauréat (guide §4.5, SPEC ICC-1…5): BCG, BTN, BCP
 * and the épreuves anticipées; session normale and épreuves de remplacement; days with 1 to 600
 * candidates, with more than 600, and supplementary days.
 */
@Extension
public final class BaremeBac implements IccScheme {

    static final String JUSQUA_600 = "JUSQUA_600";
    static final String PLUS_DE_600 = "PLUS_DE_600";
    static final String JOURS_SUPPLEMENTAIRES = "JOURS_SUPPLEMENTAIRES";

    private static final List<IccTranche> TRANCHES = List.of(
            IccTranche.below(JUSQUA_600, "De 1 à 600 candidats", 100),
            IccTranche.below(PLUS_DE_600, "Plus de 600 candidats", 100),
            IccTranche.atMost(JOURS_SUPPLEMENTAIRES, "Supplémentaires", 3));

    /**
     * Décret 2012-923 and arrêté du 27 juillet 2012, from the 2012 session. They set no rate for
     * supplementary days: the académie configures it.
     */
    private static final int FIRST_REGULATED_SESSION = 2012;
    private static final Map<String, BigDecimal> RATES_2012 = Map.of(
            JUSQUA_600, new BigDecimal("173.00"),
            PLUS_DE_600, new BigDecimal("230.00"));

    @Override
    public String code() {
        return "BAC";
    }

    @Override
    public String libelle() {
        return "Baccalauréat";
    }

    @Override
    public Set<String> examCodes() {
        return Set.of("43A", "47A", "400", "430", "470");
    }

    @Override
    public Set<IccPeriode> periodes() {
        return Set.of(IccPeriode.NORMALE, IccPeriode.REMPLACEMENT);
    }

    @Override
    public List<IccTranche> tranches() {
        return TRANCHES;
    }

    @Override
    public Optional<BigDecimal> regulatoryRate(String trancheCode, int sessionYear) {
        return sessionYear < FIRST_REGULATED_SESSION ? Optional.empty() : Optional.ofNullable(RATES_2012.get(trancheCode));
    }
}
