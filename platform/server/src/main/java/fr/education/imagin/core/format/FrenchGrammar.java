package fr.education.imagin.core.format;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * French grammar of generated sentences (issue 11): the elision of "de", "le", "que"... before a
 * vowel or a mute h ("en qualité d'examinateur"), a title written inside a sentence in lower
 * case, its agreement with the person's civilité ("examinatrice" for Mme), and place names
 * stored in capitals written for a sentence ("Saint-Jean-de-Luz").
 */
public final class FrenchGrammar {

    /** Words whose h is aspirated: no elision before them ("le héros", "de handball"). */
    private static final Set<String> ASPIRATED_H = Set.of("hache", "haie", "haine", "hall", "halte", "hamac", "hameau",
            "hanche", "handicap", "handball", "hangar", "harcelement", "haricot", "hasard", "hausse", "haut", "haute",
            "hauteur", "havre", "heros", "hibou", "hiérarchie", "hierarchie", "hockey", "homard", "honte", "hors",
            "hublot", "huit", "huitieme", "hurlement", "hutte");
    /** Small words of place names kept in lower case after the first word. */
    private static final Set<String> PLACE_PARTICLES = Set.of("de", "du", "des", "la", "le", "les", "sur", "sous",
            "en", "et", "lès", "lez", "aux", "au", "d", "l");

    private FrenchGrammar() {
    }

    /**
     * {@code particle} before {@code word}: "de examinateur" becomes "d'examinateur", "de hiver"
     * "d'hiver", but "de correcteur" and "de handball" stay. For de, le, la, que, ne, se, je, me, te.
     */
    public static String elide(String particle, String word) {
        if (word == null || word.isEmpty()) {
            return particle;
        }
        if (particle.length() >= 2 && "ea".indexOf(particle.charAt(particle.length() - 1)) >= 0
                && startsWithVowelSound(word)) {
            return particle.substring(0, particle.length() - 1) + "'" + word;
        }
        return particle + " " + word;
    }

    /** Whether {@code word} begins with a vowel sound: a vowel, or an h that is not aspirated. */
    static boolean startsWithVowelSound(String word) {
        String plain = plain(word);
        if (plain.isEmpty()) {
            return false;
        }
        char first = plain.charAt(0);
        if ("aeiou".indexOf(first) >= 0) {
            return true;
        }
        if (first == 'y') {
            // "yeux", "ypérite": a vowel; "yaourt", "yoga": a consonant.
            return plain.length() > 1 && "aeiou".indexOf(plain.charAt(1)) < 0;
        }
        if (first == 'h') {
            String head = plain.split("[^a-z]", 2)[0];
            return !ASPIRATED_H.contains(head);
        }
        return false;
    }

    /**
     * A title ("Examinateur", "Président de jury", "Correcteur suppléant") as written inside a
     * sentence: the first word in lower case unless it is an acronym, and in the feminine for
     * {@code Mme}. Words in capitals after the first ("Correcteur Santorin") are names and stay.
     */
    public static String title(String title, String civilite) {
        if (title == null || title.isBlank()) {
            return "";
        }
        String[] words = title.strip().split(" ");
        boolean feminine = "Mme".equals(civilite);
        boolean afterPreposition = false;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i == 0 && !isAcronym(w)) {
                w = w.toLowerCase(Locale.FRENCH);
            }
            // Only the title's noun and its adjectives agree: "présidente de jury", not "de jurye".
            if (feminine && !afterPreposition && (i == 0 || Character.isLowerCase(w.charAt(0)))) {
                w = feminine(w);
            }
            afterPreposition |= Set.of("de", "du", "des", "d'").contains(w);
            out.append(i == 0 ? "" : " ").append(w);
        }
        return out.toString();
    }

    /** "en qualité d'examinatrice", "en qualité de correcteur". */
    public static String inTheCapacityOf(String title, String civilite) {
        return "en qualité " + elide("de", title(title, civilite));
    }

    /** The feminine of a title's word: -teur becomes -trice, -ant / -ent take an e; "vice-président" too. */
    static String feminine(String word) {
        int hyphen = word.lastIndexOf('-');
        if (hyphen > 0) {
            return word.substring(0, hyphen + 1) + feminine(word.substring(hyphen + 1));
        }
        if (word.endsWith("teur")) {
            return word.substring(0, word.length() - 4) + "trice";
        }
        if (word.endsWith("ant") || word.endsWith("ent") || word.endsWith("ié") || word.endsWith("é")) {
            return word + "e";
        }
        if (word.endsWith("ien")) {
            return word + "ne";
        }
        return word;
    }

    /** "SAINT-JEAN-DE-LUZ" as "Saint-Jean-de-Luz", "TOULOUSE" as "Toulouse", "L'ISLE-JOURDAIN" as "L'Isle-Jourdain". */
    public static String placeName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        StringBuilder word = new StringBuilder();
        String lower = name.strip().toLowerCase(Locale.FRENCH);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                word.append(c);
                continue;
            }
            if (!word.isEmpty()) {
                String w = word.toString();
                boolean first = out.isEmpty();
                out.append(first || !PLACE_PARTICLES.contains(w) ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
                word.setLength(0);
            }
            if (i < lower.length()) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAcronym(String word) {
        return word.length() > 1 && word.equals(word.toUpperCase(Locale.FRENCH)) && word.chars().anyMatch(Character::isLetter);
    }

    private static String plain(String word) {
        return Normalizer.normalize(word.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.FRENCH);
    }
}
