package fr.education.imagin.demo;

import java.util.Set;
import java.util.SplittableRandom;

/** French phone numbers as the directories print them: {@code 05 61 23 45 67}. */
final class PhoneNumbers {

    private static final Set<String> ZONE_1 = Set.of("75", "77", "78", "91", "92", "93", "94", "95");
    private static final Set<String> ZONE_2 = Set.of("14", "18", "22", "27", "28", "29", "35", "36", "37", "41", "44",
            "45", "49", "50", "53", "56", "61", "72", "76", "85", "974", "976");
    private static final Set<String> ZONE_3 = Set.of("02", "08", "10", "21", "25", "39", "51", "52", "54", "55", "57",
            "58", "59", "60", "62", "67", "68", "70", "71", "80", "88", "89", "90");
    private static final Set<String> ZONE_4 = Set.of("01", "03", "04", "05", "06", "07", "11", "13", "15", "20", "26",
            "30", "34", "38", "42", "43", "48", "63", "66", "69", "73", "74", "83", "84");

    private PhoneNumbers() {}

    /** A number starting with the two given digits, e.g. {@code '0', '6'} for a mobile. */
    static String random(char first, char second, SplittableRandom rng) {
        StringBuilder sb = new StringBuilder(14).append(first).append(second);
        for (int g = 0; g < 4; g++) {
            int v = rng.nextInt(100);
            sb.append(' ').append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
        }
        return sb.toString();
    }

    /** The landline zone digit (1..5) of a département, e.g. {@code '5'} for {@code "31"}. */
    static char landlineZone(String departement) {
        String d = departement.length() > 2 && departement.startsWith("0") ? departement.substring(1) : departement;
        if (d.length() == 2 && ZONE_1.contains(d) || ZONE_1.contains(departement)) {
            return '1';
        }
        if (ZONE_2.contains(d)) {
            return '2';
        }
        if (ZONE_3.contains(d)) {
            return '3';
        }
        if (ZONE_4.contains(d)) {
            return '4';
        }
        return '5';
    }
}
