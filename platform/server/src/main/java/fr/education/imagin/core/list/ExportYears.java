package fr.education.imagin.core.list;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.Parsed;
import io.vertx.core.MultiMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The years an export covers, chosen in its dialog: as everywhere in the guide, only the current
 * year minus three to the current year plus one are proposed (in 2016: 2013 to 2017).
 */
public final class ExportYears {

    public static final String PARAMETER = "annee";

    private ExportYears() {
    }

    public static List<Integer> proposed() {
        int current = LocalDate.now(FrenchFormats.ZONE).getYear();
        List<Integer> years = new ArrayList<>();
        for (int year = current - 3; year <= current + 1; year++) {
            years.add(year);
        }
        return years;
    }

    /**
     * The "Année" filter of the lists (guide §4.1.1, §4.3.1): the proposed years, the current one
     * until the user chooses; {@code yearSql} is the row's year as an integer expression.
     */
    public static ChoiceFilter filter(String yearSql, String hint) {
        return ChoiceFilter.fixed(PARAMETER, "Année",
                        () -> proposed().stream().map(y -> new ChoiceFilter.Choice(y.toString(), y.toString())).toList(),
                        "(" + yearSql + ")::text = any(:choix)",
                        "L'année « %s » n'est pas proposée : choisissez parmi les années affichées.")
                .byDefault(() -> List.of(String.valueOf(LocalDate.now(FrenchFormats.ZONE).getYear())), hint);
    }

    /** The chosen years, ascending; an error in French when none or one not proposed was sent. */
    public static Parsed<List<Integer>> read(MultiMap params) {
        List<Integer> proposed = proposed();
        TreeSet<Integer> chosen = new TreeSet<>();
        for (String value : params.getAll(PARAMETER)) {
            Integer year = null;
            try {
                year = Integer.valueOf(value.strip());
            } catch (NumberFormatException ignored) {
                // reported below
            }
            if (year == null || !proposed.contains(year)) {
                return Parsed.error("L'année « " + value + " » n'est pas proposée : choisissez des années de "
                        + proposed.get(0) + " à " + proposed.get(proposed.size() - 1) + ".");
            }
            chosen.add(year);
        }
        if (chosen.isEmpty()) {
            return Parsed.error("Choisissez au moins une année pour télécharger les missions.");
        }
        return Parsed.of(List.copyOf(chosen));
    }
}
