package fr.education.imagin.plugin.api;

import org.pf4j.ExtensionPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An indemnités des chefs de centre scheme (guide §4.5, SPEC ICC-1…5): the exams it covers,
 * the periods and day brackets the chef de centre fills in, and the global amount. Daily rates
 * are configuration of each académie per session year; the scheme only provides the
 * regulatory defaults.
 */
public interface IccScheme extends ExtensionPoint {

    /** Stable code, the key of the académie's configured rates (e.g. {@code BAC}). */
    String code();

    /** French label (e.g. "Baccalauréat"). */
    String libelle();

    /** Exam codes covered (e.g. 43A, 47A, 400, 430, 470); one scheme per exam in an académie. */
    Set<String> examCodes();

    /** The periods offered in "Choix de la période". */
    Set<IccPeriode> periodes();

    /** The brackets, in display order. */
    List<IccTranche> tranches();

    /**
     * The rate a regulatory text fixes for a bracket and session year, used when the académie has
     * configured none; empty when no text fixes one (the académie must then configure it).
     */
    Optional<BigDecimal> regulatoryRate(String trancheCode, int sessionYear);

    /**
     * The global amount. The platform has checked every number of days against its bracket and
     * passes a rate for every bracket with days. Default: the sum of days × daily rate, rounded
     * half-up to the cent, as the guide shows (6 × 173 + 1 × 230 = 1268,00 €).
     *
     * @param jours  days per bracket code (every bracket present, zero when none)
     * @param rates  daily rate per bracket code, for at least the brackets with days
     */
    default BigDecimal amount(Map<String, BigDecimal> jours, Map<String, BigDecimal> rates) {
        BigDecimal total = BigDecimal.ZERO;
        for (IccTranche tranche : tranches()) {
            BigDecimal days = jours.getOrDefault(tranche.code(), BigDecimal.ZERO);
            if (days.signum() != 0) {
                total = total.add(days.multiply(rates.get(tranche.code())));
            }
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }
}
