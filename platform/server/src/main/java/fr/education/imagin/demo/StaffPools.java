package fr.education.imagin.demo;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Who may be designated on a mission: the staff of the exam's level (by their main establishment),
 * and among them those whose discipline teaches the épreuve's matière (computed on first use).
 */
final class StaffPools {

    private static final int ALL_LEVELS = Catalog.C | Catalog.L | Catalog.P;

    private final Etablissements etablissements;
    private final Personnels personnels;
    /** Indexed by level bit: {@link Catalog#C}, {@link Catalog#L}, {@link Catalog#P}. */
    private final int[][] byLevel = new int[ALL_LEVELS + 1][];
    private final Map<String, int[]> byMatiere = new HashMap<>();

    StaffPools(Etablissements etablissements, Personnels personnels) {
        this.etablissements = etablissements;
        this.personnels = personnels;
        for (int level : new int[] {Catalog.C, Catalog.L, Catalog.P}) {
            IntList pool = new IntList();
            for (int p = 0; p < personnels.count(); p++) {
                if ((etablissements.get(personnels.etab(p)).levels & level) != 0) {
                    pool.add(p);
                }
            }
            byLevel[level] = pool.toArray();
        }
    }

    /** The staff working at a level ({@link Catalog#C}, {@link Catalog#L} or {@link Catalog#P}); do not modify. */
    int[] ofLevel(int level) {
        return byLevel[level];
    }

    /**
     * The staff of a level teaching a matière, or of any level when none teaches it at that level
     * (possibly none at all); do not modify.
     */
    int[] teaching(String matiere, int level) {
        int[] pool = byMatiere.computeIfAbsent(matiere + "|" + level, key -> matierePool(matiere, level));
        if (pool.length == 0) {
            pool = byMatiere.computeIfAbsent(matiere + "|*", key -> matierePool(matiere, ALL_LEVELS));
        }
        return pool;
    }

    private int[] matierePool(String matiere, int levels) {
        boolean[] teaches = new boolean[Catalog.DISCIPLINES.size()];
        for (int d = 0; d < teaches.length; d++) {
            teaches[d] = Arrays.asList(Catalog.DISCIPLINES.get(d).matieres()).contains(matiere);
        }
        IntList out = new IntList();
        for (int p = 0; p < personnels.count(); p++) {
            if (teaches[personnels.disciplineIndex(p)] && (etablissements.get(personnels.etab(p)).levels & levels) != 0) {
                out.add(p);
            }
        }
        return out.toArray();
    }
}
