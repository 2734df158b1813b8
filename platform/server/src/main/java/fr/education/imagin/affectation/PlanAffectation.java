package fr.education.imagin.affectation;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import java.time.LocalDate;
import java.util.List;

/**
 * The automatic affectation of one exam session: the places to fill and the people who may fill
 * them. Days are counted from {@link #getPremierJour()}.
 */
@PlanningSolution
public class PlanAffectation {

    private LocalDate premierJour;

    @ProblemFactCollectionProperty
    private List<Intervenant> intervenants;

    @PlanningEntityCollectionProperty
    private List<Poste> postes;

    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For the solver's cloning. */
    public PlanAffectation() {
    }

    public PlanAffectation(LocalDate premierJour, List<Intervenant> intervenants, List<Poste> postes) {
        this.premierJour = premierJour;
        this.intervenants = intervenants;
        this.postes = postes;
    }

    public LocalDate getPremierJour() {
        return premierJour;
    }

    public List<Intervenant> getIntervenants() {
        return intervenants;
    }

    public List<Poste> getPostes() {
        return postes;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }

    public long pourvus() {
        return postes.stream().filter(p -> p.getIntervenant() != null).count();
    }
}
