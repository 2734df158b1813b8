package fr.education.imagin.demo;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The communes of the académie with made-up post codes of its département, and the weights they are
 * drawn with: the chef-lieu (first) weighs a third of the list, the others one each.
 */
final class Communes {

    private final String departement;
    private final String[] names;
    private final String[] postCodes;
    private final double[] cumulativeWeights;

    private Communes(String departement, String[] names, String[] postCodes, double[] cumulativeWeights) {
        this.departement = departement;
        this.names = names;
        this.postCodes = postCodes;
        this.cumulativeWeights = cumulativeWeights;
    }

    static Communes generate(AcademyProfile profile, SplittableRandom rng) {
        String[] names = profile.communes().toArray(String[]::new);
        String[] postCodes = new String[names.length];
        double[] cumulative = new double[names.length];
        String dept = departement(profile.departementPrefix());
        Set<String> used = new HashSet<>();
        double acc = 0;
        for (int i = 0; i < names.length; i++) {
            String cp;
            if (i == 0) {
                cp = mainPostCode(dept);
            } else {
                do {
                    int suffix = dept.length() == 2 ? 10 * (1 + rng.nextInt(99)) : 1 + rng.nextInt(99);
                    cp = dept + Digits.padded(suffix, 5 - dept.length());
                } while (!used.add(cp) && used.size() < 90); // a small département may run out of codes
            }
            used.add(cp);
            postCodes[i] = cp;
            acc += i == 0 ? Math.max(1.0, names.length / 3.0) : 1.0;
            cumulative[i] = acc;
        }
        return new Communes(dept, names, postCodes, cumulative);
    }

    /** The département of a UAI prefix: {@code "031"} is {@code "31"}, {@code "974"} stays {@code "974"}. */
    static String departement(String uaiPrefix) {
        return uaiPrefix.charAt(0) == '0' ? uaiPrefix.substring(1) : uaiPrefix;
    }

    /** The post code of a département's chef-lieu, {@code 31000} or {@code 97400}. */
    static String mainPostCode(String departement) {
        return departement + "000".substring(0, 5 - departement.length());
    }

    String departement() {
        return departement;
    }

    String name(int i) {
        return names[i];
    }

    String postCode(int i) {
        return postCodes[i];
    }

    /** The index of a commune of the académie, -1 for another (or no) commune. */
    int indexOf(String name) {
        return Arrays.asList(names).indexOf(name);
    }

    int pick(SplittableRandom rng) {
        return CumulativeWeights.pick(cumulativeWeights, rng);
    }
}
