package fr.education.imagin.competences;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The multi-author rules of a compétence (COMP-2, COMP-3), without SQL: given the authors of one
 * (person, épreuve-option) and the establishment acting, what its "+", "X" or "Ajouter" does.
 * A compétence exists while it has author rows; it disappears when no author still says (C).
 */
final class CompetenceRules {

    /** One author's opinion: {@code code} is SYS, a UAI, a NUMEN or a manager code; avis C or I. */
    record Auteur(String code, String type, String avis) {

        boolean competent() {
            return "C".equals(avis);
        }

        /** As COMP-2 shows it: {@code SYS (C)}, {@code 0350001A (I)}. */
        String label() {
            return code + " (" + avis + ")";
        }
    }

    enum Decision {
        /** No such compétence for this person. */
        NOT_FOUND,
        /** Already in the state asked: nothing to write. */
        UNCHANGED,
        /** Insert or update the establishment's row to (C). */
        MARK_COMPETENT,
        /** Insert or update the establishment's row to (I): other authors keep it in the list. */
        MARK_INCOMPETENT,
        /** Every author has removed it: all its rows go, it leaves the list. */
        DELETE,
        /** "Ajouter" of a compétence already in the list. */
        DUPLICATE
    }

    /** Exam families an establishment may propose (COMP-4), by {@code etablissement.categorie}. */
    static Set<String> familiesFor(String categorie) {
        return switch (categorie == null ? "" : categorie) {
            case "COLLEGE" -> Set.of("DNB");
            case "LGT", "LP", "LPO" -> Set.of("BAC_PRO", "BAC_TECHNO", "BAC_GENERAL", "EA", "BTS");
            default -> Set.of();
        };
    }

    private CompetenceRules() {
    }

    /** "+": this establishment says the person is competent. */
    static Decision validate(List<Auteur> authors, String uai) {
        if (authors.isEmpty()) {
            return Decision.NOT_FOUND;
        }
        return authors.stream().anyMatch(a -> a.code().equals(uai) && a.competent())
                ? Decision.UNCHANGED : Decision.MARK_COMPETENT;
    }

    /**
     * "X": this establishment removes it. Gone when no other author still says (C) (in particular
     * when the establishment was its only author); otherwise kept, showing this UAI's (I).
     */
    static Decision invalidate(List<Auteur> authors, String uai) {
        if (authors.isEmpty()) {
            return Decision.NOT_FOUND;
        }
        boolean othersCompetent = authors.stream().anyMatch(a -> !a.code().equals(uai) && a.competent());
        if (!othersCompetent) {
            return Decision.DELETE;
        }
        return authors.stream().anyMatch(a -> a.code().equals(uai) && !a.competent())
                ? Decision.UNCHANGED : Decision.MARK_INCOMPETENT;
    }

    /** "Ajouter une compétence": only one not yet in the list. */
    static Decision add(List<Auteur> authors) {
        return authors.isEmpty() ? Decision.MARK_COMPETENT : Decision.DUPLICATE;
    }

    /** Shown order: establishments, the agent, managers, then the system (guide: "0120006S (C) SYS (C)"). */
    static final Comparator<Auteur> DISPLAY_ORDER = Comparator.<Auteur>comparingInt(a -> switch (a.type()) {
        case "ETABLISSEMENT" -> 0;
        case "AGENT" -> 1;
        case "GESTIONNAIRE" -> 2;
        default -> 3;
    }).thenComparing(Auteur::code);

    /** The buttons: "+" unless this UAI already says (C), "X" unless it already says (I). */
    static boolean offersValidate(List<Auteur> authors, String uai) {
        return authors.stream().noneMatch(a -> a.code().equals(uai) && a.competent());
    }

    static boolean offersInvalidate(List<Auteur> authors, String uai) {
        return authors.stream().noneMatch(a -> a.code().equals(uai) && !a.competent());
    }
}
