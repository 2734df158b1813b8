package fr.education.imagin.plugin.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A mission a generator asks for. Generators emit one plan per registration row they use;
 * the platform merges the plans that designate the same mission (same type, session,
 * épreuve-option, centre and variante): candidates are summed, the dates widened to cover all
 * of them and the assignment is finished only when it is for every row.
 *
 * @param type                mission type code, contributed by the same plugin
 * @param examen              exam code
 * @param session             session year
 * @param specialite          spécialité code; empty for a session-level mission (e.g. SSCAN)
 * @param epreuve             épreuve-option code; empty exactly when {@code specialite} is
 * @param centre              UAI where the mission takes place
 * @param premierJour         first day
 * @param dernierJour         last day
 * @param candidats           expected candidates
 * @param variante            tells apart missions of one épreuve-option and centre (e.g. the
 *                            "Partie philosophie" of Humanités, littérature et philosophie);
 *                            empty for most missions; shown to users
 * @param affectationTerminee whether Cyclades finished assigning the candidates
 */
public record MissionPlan(String type, String examen, int session, Optional<String> specialite,
                          Optional<String> epreuve, String centre, LocalDate premierJour, LocalDate dernierJour,
                          int candidats, String variante, boolean affectationTerminee) {

    public MissionPlan {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(examen, "examen");
        Objects.requireNonNull(specialite, "specialite");
        Objects.requireNonNull(epreuve, "epreuve");
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(premierJour, "premierJour");
        Objects.requireNonNull(dernierJour, "dernierJour");
        variante = variante == null ? "" : variante.strip();
        if (specialite.isPresent() != epreuve.isPresent()) {
            throw new IllegalArgumentException("A mission plan names both the spécialité and the épreuve, or neither");
        }
        if (candidats < 0) {
            throw new IllegalArgumentException("Negative candidates for a " + type + " mission");
        }
        if (dernierJour.isBefore(premierJour)) {
            throw new IllegalArgumentException("A " + type + " mission ends before it starts");
        }
    }

    /** A mission on the row's épreuve-option, held at {@code centre}, with the row's candidates and dates. */
    public static MissionPlan onEpreuve(String type, Inscription row, String centre) {
        return new MissionPlan(type, row.examen(), row.session(), Optional.of(row.specialite()),
                Optional.of(row.epreuve()), centre, row.premierJour(), row.dernierJour(), row.candidats(), "",
                row.affectationTerminee());
    }

    /** A session-level mission (no épreuve-option) held at {@code centre}, covering the row. */
    public static MissionPlan onSession(String type, Inscription row, String centre) {
        return new MissionPlan(type, row.examen(), row.session(), Optional.empty(), Optional.empty(), centre,
                row.premierJour(), row.dernierJour(), row.candidats(), "", row.affectationTerminee());
    }

    public MissionPlan withVariante(String variante) {
        return new MissionPlan(type, examen, session, specialite, epreuve, centre, premierJour, dernierJour,
                candidats, variante, affectationTerminee);
    }
}
