package fr.education.imagin.core.list;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The live keyword filter (SH-6): every word must appear in the row's displayed labels, case and
 * accents ignored. Java and SQL fold with the same table so both sides agree.
 */
public final class Keyword {

    private static final String ACCENTED = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸàáâãäåçèéêëìíîïñòóôõöùúûüýÿ";
    private static final String PLAIN = "AAAAAACEEEEIIIINOOOOOUUUUYYaaaaaaceeeeiiiinooooouuuuyy";
    static final int MAX_LENGTH = 100;

    private Keyword() {
    }

    /** The words to look for, folded; none for a blank keyword. */
    static List<String> words(String keyword) {
        if (keyword == null || keyword.isBlank()) {
            return List.of();
        }
        String bounded = keyword.length() > MAX_LENGTH ? keyword.substring(0, MAX_LENGTH) : keyword;
        return Arrays.stream(fold(bounded).split("\\s+")).filter(w -> !w.isEmpty()).distinct().toList();
    }

    /** Case and accents folded away, as the keyword filter compares. */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int i = ACCENTED.indexOf(c);
            folded.append(i >= 0 ? PLAIN.charAt(i) : c);
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    /** SQL folding {@code expression} like {@link #fold(String)}. */
    public static String foldSql(String expression) {
        return "lower(translate(" + expression + ", '" + ACCENTED + "', '" + PLAIN + "'))";
    }
}
