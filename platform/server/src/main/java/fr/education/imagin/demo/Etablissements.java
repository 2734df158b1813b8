package fr.education.imagin.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The establishments generated, in load order (the generated ones, then the shared centres); read-only. */
final class Etablissements {

    private final List<Etablissement> all;
    /** Indexes of the establishments employing staff, per commune: for secondary workplaces nearby. */
    private final Map<String, List<Integer>> employersByCommune = new HashMap<>();

    Etablissements(List<Etablissement> all) {
        this.all = List.copyOf(all);
        for (int i = 0; i < all.size(); i++) {
            Etablissement e = all.get(i);
            if (e.staffWeight > 0 && e.commune != null) {
                employersByCommune.computeIfAbsent(e.commune, k -> new ArrayList<>()).add(i);
            }
        }
    }

    int size() {
        return all.size();
    }

    Etablissement get(int i) {
        return all.get(i);
    }

    List<Etablissement> all() {
        return all;
    }

    /** Indexes of the establishments employing staff in {@code commune} (empty for none or a null commune). */
    List<Integer> employersIn(String commune) {
        return commune == null ? List.of() : employersByCommune.getOrDefault(commune, List.of());
    }

    int[] indexesWhere(Predicate<Etablissement> filter) {
        IntList out = new IntList();
        for (int i = 0; i < all.size(); i++) {
            if (filter.test(all.get(i))) {
                out.add(i);
            }
        }
        return out.toArray();
    }
}
