package fr.education.imagin.affectation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The seats a mission still has to fill. The office's "intervenants requis" is the mission's
 * count; a mission with commissions spreads it over them (one examiner each when the office set
 * no count), and each commission keeps its own seats so that every commission gets its examiner
 * count. People already designated or convened hold their seats. A mission with neither a count
 * nor commissions has none: the session's page asks the office to set it.
 */
final class Places {

    /** One seat: on the mission, or on one of its commissions, on these days. */
    record Place(PlanLoader.MissionPlan mission, Long commissionId, List<LocalDate> jours) {
    }

    private Places() {
    }

    static List<Place> of(PlanLoader.MissionPlan mission) {
        List<Place> places = new ArrayList<>();
        int deja = mission.dejaAffectes().size();
        List<PlanLoader.CommissionPlan> commissions = mission.commissions();
        if (commissions.isEmpty()) {
            int free = mission.requis() == null ? 0 : Math.max(0, mission.requis() - deja);
            for (int i = 0; i < free; i++) {
                places.add(new Place(mission, null, mission.jours()));
            }
            return places;
        }
        int total = mission.requis() == null ? commissions.size() : mission.requis();
        int free = Math.max(0, total - deja);
        int n = commissions.size();
        for (int k = 0; k < n && places.size() < free; k++) {
            PlanLoader.CommissionPlan commission = commissions.get(k);
            int seats = total / n + (k < total % n ? 1 : 0);
            List<LocalDate> jours = commission.jours().isEmpty() ? mission.jours() : commission.jours();
            for (int i = commission.deja(); i < seats && places.size() < free; i++) {
                places.add(new Place(mission, commission.id(), jours));
            }
        }
        return places;
    }
}
