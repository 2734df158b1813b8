package fr.education.imagin.plugins.ecece;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the EC/ECE rules need to know about épreuve-options. */
final class EpreuvesEcEce {

    /**
     * The ECE épreuves (SPEC EC-3, road map): BCG T012B SVT pratique, T011B physique-chimie
     * pratique, T010B NSI; BTN T029B STL biochimie-biologie-biotechnologie, T030B STL sciences
     * physiques et chimiques en laboratoire.
     */
    static final Set<String> ECE_CODES = Set.of("T010B", "T011B", "T012B", "T029B", "T030B");

    /** Cyclades may wrap the épreuve code in an option code, e.g. {@code 1-T011B-1}. */
    private static final Pattern EPREUVE_IN_OPTION = Pattern.compile("^(?:\\d+[-.])?([A-Z]\\d{3}[A-Z])(?:-\\d+)?$");

    /** EC codes of the modern languages A and B (memo: C002CB LVA oral, C003CB LVB oral). */
    private static final Set<String> LANGUES_VIVANTES = Set.of("C002", "C003");

    private EpreuvesEcEce() {
    }

    /** The ECE épreuve an option code designates, if it designates one. */
    static Optional<String> eceEpreuve(String optionCode) {
        Matcher m = EPREUVE_IN_OPTION.matcher(optionCode.trim().toUpperCase(Locale.ROOT));
        return m.matches() && ECE_CODES.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** An LVA or LVB EC épreuve, by code or, failing that, by label. */
    static boolean isLangueVivante(String code, String libelle) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return LANGUES_VIVANTES.stream().anyMatch(upper::startsWith) || plain(libelle).startsWith("LANGUE VIV");
    }

    /** "Humanités, littérature et philosophie", however Cyclades abbreviates it (CONV-10). */
    static boolean isHumanitesLitteraturePhilosophie(String libelle) {
        String plain = plain(libelle);
        return plain.contains("HUMANITES") && plain.contains("PHILO");
    }

    /** Upper case without accents, for label matching. */
    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
    }
}
