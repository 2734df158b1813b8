package fr.education.imagin.demo;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Weighted draws over cumulative weights ({@code cumulative[i]} = sum of the weights 0..i). */
final class CumulativeWeights {

    private CumulativeWeights() {}

    /** An index drawn with probability proportional to its weight; zero-weight indexes are never drawn. */
    static int pick(double[] cumulative, SplittableRandom rng) {
        double total = cumulative[cumulative.length - 1];
        double x = rng.nextDouble() * total;
        int i = Arrays.binarySearch(cumulative, x);
        i = i >= 0 ? i + 1 : -i - 1;
        // skip zero-weight entries that share the cumulative value
        while (i < cumulative.length - 1 && (i > 0 ? cumulative[i] - cumulative[i - 1] : cumulative[i]) <= 0) {
            i++;
        }
        return Math.min(i, cumulative.length - 1);
    }
}
