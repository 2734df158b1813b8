package fr.education.imagin.affectation;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * One place to fill on a mission (and on one of its commissions when it has some): the planning
 * entity of the automatic affectation. The person is the planning variable; a place may stay
 * empty when no one fits, which the score counts (medium level) rather than forcing a broken
 * hard constraint.
 */
@PlanningEntity
public class Poste {

    /** Kilometres counted for a person or centre whose place is unknown: ranked as if far. */
    public static final int DISTANCE_INCONNUE = 100;

    @PlanningId
    private Integer numero;
    private long missionId;
    private Long commissionId;
    private Long epreuveOption;
    private BitSet jours;
    private List<Intervenant> candidats;
    private Map<Long, Integer> distances;

    @PlanningVariable(valueRangeProviderRefs = "candidats", allowsUnassigned = true)
    private Intervenant intervenant;

    /** For the solver's cloning. */
    public Poste() {
    }

    /**
     * @param jours     the days of the place (counted from the plan's first day)
     * @param candidats who may fill it: competent and free on those days, nearest first
     * @param distances kilometres from each candidate's workplace to the centre, when both are known
     */
    public Poste(int numero, long missionId, Long commissionId, Long epreuveOption, BitSet jours, List<Intervenant> candidats,
                 Map<Long, Integer> distances) {
        this.numero = numero;
        this.missionId = missionId;
        this.commissionId = commissionId;
        this.epreuveOption = epreuveOption;
        this.jours = jours;
        this.candidats = candidats;
        this.distances = distances;
    }

    public Integer getNumero() {
        return numero;
    }

    public long getMissionId() {
        return missionId;
    }

    public Long getCommissionId() {
        return commissionId;
    }

    public Long getEpreuveOption() {
        return epreuveOption;
    }

    public BitSet getJours() {
        return jours;
    }

    @ValueRangeProvider(id = "candidats")
    public List<Intervenant> getCandidats() {
        return candidats;
    }

    public Intervenant getIntervenant() {
        return intervenant;
    }

    public void setIntervenant(Intervenant intervenant) {
        this.intervenant = intervenant;
    }

    /** The UAI of the placed person's workplace (fairness between establishments). */
    public String etablissementIntervenant() {
        return intervenant.etablissement();
    }

    /** Kilometres from the person's workplace to the centre ({@link #DISTANCE_INCONNUE} when unknown). */
    public int distanceKm(Intervenant person) {
        Integer km = distances.get(person.id());
        return km == null ? DISTANCE_INCONNUE : km;
    }

    /** The known distance of the person placed, or null. */
    public Integer distanceConnue() {
        return intervenant == null ? null : distances.get(intervenant.id());
    }

    /** Same days, or the same mission (a person holds one place per mission). */
    public boolean chevauche(Poste other) {
        return missionId == other.missionId || jours.intersects(other.jours);
    }

    @Override
    public String toString() {
        return "poste " + numero + " mission " + missionId + (commissionId == null ? "" : " commission " + commissionId);
    }
}
