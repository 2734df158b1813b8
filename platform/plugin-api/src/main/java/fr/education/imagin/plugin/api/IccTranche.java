package fr.education.imagin.plugin.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bracket of an indemnity scheme: a number of days is entered for it (one decimal at most)
 * and paid at the bracket's daily rate.
 *
 * @param code      stable code, the key of the académie's configured rates (e.g. {@code JUSQUA_600})
 * @param libelle   the French label of the input (e.g. "De 1 à 600 candidats")
 * @param maxJours  the limit of the number of days
 * @param maxInclus whether {@code maxJours} itself is accepted ({@code x,x <= 3}) or not ({@code xx,x < 100})
 */
public record IccTranche(String code, String libelle, BigDecimal maxJours, boolean maxInclus) {

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,39}$");

    public IccTranche {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Bracket code '" + code + "' must be upper-case letters, digits or '_'");
        }
        if (libelle == null || libelle.isBlank()) {
            throw new IllegalArgumentException("Bracket " + code + " needs a label");
        }
        Objects.requireNonNull(maxJours, "maxJours");
        if (maxJours.signum() <= 0) {
            throw new IllegalArgumentException("Bracket " + code + " needs a positive day limit");
        }
    }

    /** Days below {@code max} (exclusive), e.g. fewer than 100. */
    public static IccTranche below(String code, String libelle, int max) {
        return new IccTranche(code, libelle, BigDecimal.valueOf(max), false);
    }

    /** Days up to {@code max} (inclusive), e.g. at most 3. */
    public static IccTranche atMost(String code, String libelle, int max) {
        return new IccTranche(code, libelle, BigDecimal.valueOf(max), true);
    }

    /** The input hint the guide shows next to the field: {@code xx,x < 100}, {@code x,x <= 3}. */
    public String format() {
        BigDecimal largestWhole = maxInclus ? maxJours : maxJours.subtract(BigDecimal.ONE);
        int digits = Math.max(1, largestWhole.setScale(0, java.math.RoundingMode.DOWN).toPlainString().length());
        return "x".repeat(digits) + ",x " + (maxInclus ? "<=" : "<") + " "
                + maxJours.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** Why {@code jours} cannot be entered for this bracket (French), or empty when it can. */
    public Optional<String> refusal(BigDecimal jours) {
        if (jours == null) {
            return Optional.of(libelle + " : nombre de journées manquant");
        }
        String shown = jours.toPlainString().replace('.', ',');
        if (jours.signum() < 0 || jours.stripTrailingZeros().scale() > 1
                || (maxInclus ? jours.compareTo(maxJours) > 0 : jours.compareTo(maxJours) >= 0)) {
            return Optional.of(libelle + " : " + shown + " n'est pas accepté (format " + format() + ")");
        }
        return Optional.empty();
    }
}
