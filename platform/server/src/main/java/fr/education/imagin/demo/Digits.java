package fr.education.imagin.demo;

/** Fixed-width decimal codes: UAI and NUMEN digits, post codes, times, jury numbers. */
final class Digits {

    private Digits() {}

    /** {@code value} left-padded with zeros to {@code width} digits (longer values are kept whole). */
    static String padded(long value, int width) {
        String s = Long.toString(value);
        if (s.length() >= width) {
            return s;
        }
        return "0".repeat(width - s.length()) + s;
    }
}
