package fr.education.imagin.affectation;

import java.time.Duration;

/**
 * How long the automatic affectation searches: at most {@code limite}, and it stops earlier once
 * the best proposal has not improved for {@code sansAmelioration}; each place keeps its
 * {@code candidatsMax} nearest candidates.
 */
public record SolverSettings(Duration limite, Duration sansAmelioration, int candidatsMax) {

    /** How many candidates a place keeps, nearest first: beyond them the solver only loses time. */
    public static final int CANDIDATS_MAX = 120;
}
