package fr.education.imagin.affectation;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The solver's last phase: every place the search left empty goes to its nearest candidate who is
 * still free then (no place of theirs on the same days or the same mission). Local search gets
 * there too, but by chance and in its own time; an office must never be shown an empty place that
 * someone available could have taken.
 */
public final class PlacesVidesPhase implements PhaseCommand<PlanAffectation> {

    @Override
    public void changeWorkingSolution(ScoreDirector<PlanAffectation> scoreDirector, BooleanSupplier isPhaseTerminated) {
        List<Poste> postes = scoreDirector.getWorkingSolution().getPostes();
        Map<Intervenant, List<Poste>> placed = new HashMap<>();
        for (Poste poste : postes) {
            if (poste.getIntervenant() != null) {
                placed.computeIfAbsent(poste.getIntervenant(), k -> new ArrayList<>()).add(poste);
            }
        }
        for (Poste poste : postes) {
            if (poste.getIntervenant() != null || isPhaseTerminated.getAsBoolean()) {
                continue;
            }
            for (Intervenant candidate : poste.getCandidats()) {
                List<Poste> theirs = placed.getOrDefault(candidate, List.of());
                if (theirs.stream().noneMatch(poste::chevauche)) {
                    scoreDirector.beforeVariableChanged(poste, "intervenant");
                    poste.setIntervenant(candidate);
                    scoreDirector.afterVariableChanged(poste, "intervenant");
                    scoreDirector.triggerVariableListeners();
                    placed.computeIfAbsent(candidate, k -> new ArrayList<>()).add(poste);
                    break;
                }
            }
        }
    }
}
