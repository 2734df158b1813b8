package fr.education.imagin.affectation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The solver on a generated exam the size of a baccalauréat session of a mid-sized académie
 * (400 missions, about 1,200 places, 450 people, too few for them all), its result checked by this test's own
 * reading of the generated data, not by the solver's score: every place filled by someone
 * competent, free, on no overlapping place and not already on the mission; no commission over
 * its seats; and no empty place that someone free could have taken.
 */
class AffectationSolverTest {

    private static final LocalDate PREMIER = LocalDate.of(2027, 6, 1);
    private static final int JOURS = 30;
    // Fewer people than a real académie has for 1,000 places: some places must stay empty, which the checker then examines.
    private static final int PEOPLE = 450;

    /** The generated exam, as plain data the checker reads. */
    private record Exam(List<PlanLoader.MissionPlan> missions, Map<Long, Set<Long>> competences, Map<Long, Set<LocalDate>> busy,
                        Map<Long, Intervenant> people) {
    }

    private static Exam generate(long seed) {
        Random rng = new Random(seed);
        int epreuves = 40;
        List<Position> etablissements = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            etablissements.add(new Position(43.0 + rng.nextDouble(), 1.0 + rng.nextDouble() * 1.3));
        }
        Map<Long, Set<Long>> competences = new HashMap<>();
        Map<Long, Set<LocalDate>> busy = new HashMap<>();
        Map<Long, Intervenant> people = new HashMap<>();
        for (long id = 1; id <= PEOPLE; id++) {
            Set<Long> comp = new HashSet<>();
            int n = 1 + rng.nextInt(3);
            while (comp.size() < n) {
                comp.add((long) rng.nextInt(epreuves));
            }
            Set<LocalDate> days = new HashSet<>();
            for (int d = 0; d < JOURS; d++) {
                if (rng.nextInt(10) == 0) {
                    days.add(PREMIER.plusDays(d));
                }
            }
            int etab = rng.nextInt(etablissements.size());
            competences.put(id, comp);
            busy.put(id, days);
            people.put(id, new Intervenant(id, "Nom" + id, "Prénom", "E" + etab, etablissements.get(etab), Set.copyOf(comp),
                    PlanLoader.days(List.copyOf(days), PREMIER), rng.nextInt(4)));
        }
        List<PlanLoader.MissionPlan> missions = new ArrayList<>();
        long commissionId = 1;
        for (long id = 1; id <= 400; id++) {
            int start = rng.nextInt(JOURS - 5);
            List<LocalDate> days = new ArrayList<>();
            for (int d = 0, n = 1 + rng.nextInt(5); d < n; d++) {
                days.add(PREMIER.plusDays(start + d));
            }
            List<PlanLoader.CommissionPlan> commissions = new ArrayList<>();
            if (rng.nextInt(10) < 3) {
                for (int c = 0, n = 2 + rng.nextInt(3); c < n; c++) {
                    commissions.add(new PlanLoader.CommissionPlan(commissionId++, "C" + c, List.of(days.get(rng.nextInt(days.size()))), 0));
                }
            }
            // A few people already hold a seat of some missions: they stay, and may not be placed there again.
            Set<Long> deja = new HashSet<>();
            if (rng.nextInt(10) == 0) {
                deja.add(1L + rng.nextInt(PEOPLE));
            }
            missions.add(new PlanLoader.MissionPlan(id, "M" + id, (long) rng.nextInt(epreuves), "C" + rng.nextInt(60),
                    etablissements.get(rng.nextInt(etablissements.size())), 2 + rng.nextInt(3) + deja.size(), days, deja.size(),
                    commissions, deja));
        }
        return new Exam(missions, competences, busy, people);
    }

    private static PlanAffectation plan(Exam exam, int candidatsMax) {
        List<Places.Place> places = new ArrayList<>();
        exam.missions().forEach(m -> places.addAll(Places.of(m)));
        Map<Long, List<Intervenant>> byEpreuve = new HashMap<>();
        for (Intervenant person : exam.people().values()) {
            for (Long epreuve : exam.competences().get(person.id())) {
                byEpreuve.computeIfAbsent(epreuve, k -> new ArrayList<>()).add(person);
            }
        }
        return PlanLoader.build(places, new PlanLoader.People(List.copyOf(exam.people().values()), byEpreuve, Map.of()),
                PREMIER, candidatsMax);
    }

    @Test
    void aRealisticExamGetsEveryHardConstraintRightAndNoPlaceLeftEmptyThatSomeoneCouldTake() throws Exception {
        Exam exam = generate(20270601L);
        PlanAffectation plan = plan(exam, Integer.MAX_VALUE);
        assertThat(plan.getPostes()).hasSizeGreaterThan(900);

        PlanAffectation best;
        long started = System.nanoTime();
        try (AffectationSolver solver = new AffectationSolver(new SolverSettings(Duration.ofSeconds(8), Duration.ofSeconds(2),
                Integer.MAX_VALUE))) {
            best = solver.solve("test", plan, p -> { }).get(60, TimeUnit.SECONDS);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        Map<Long, PlanLoader.MissionPlan> missions = new HashMap<>();
        exam.missions().forEach(m -> missions.put(m.id(), m));
        Map<Long, List<Poste>> byPerson = new HashMap<>();
        Map<Long, Integer> perCommission = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Poste poste : best.getPostes()) {
            if (poste.getIntervenant() == null) {
                continue;
            }
            long person = poste.getIntervenant().id();
            PlanLoader.MissionPlan mission = missions.get(poste.getMissionId());
            if (!exam.competences().get(person).contains(mission.epreuveOption())) {
                broken.add(poste + ": " + person + " not competent");
            }
            if (daysOf(mission, poste.getCommissionId()).stream().anyMatch(exam.busy().get(person)::contains)) {
                broken.add(poste + ": " + person + " busy");
            }
            if (mission.dejaAffectes().contains(person)) {
                broken.add(poste + ": " + person + " already on the mission");
            }
            byPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(poste);
            if (poste.getCommissionId() != null) {
                perCommission.merge(poste.getCommissionId(), 1, Integer::sum);
            }
        }
        byPerson.forEach((person, postes) -> {
            for (int i = 0; i < postes.size(); i++) {
                for (int j = i + 1; j < postes.size(); j++) {
                    Poste a = postes.get(i);
                    Poste b = postes.get(j);
                    Set<LocalDate> da = new HashSet<>(daysOf(missions.get(a.getMissionId()), a.getCommissionId()));
                    if (a.getMissionId() == b.getMissionId()
                            || daysOf(missions.get(b.getMissionId()), b.getCommissionId()).stream().anyMatch(da::contains)) {
                        broken.add(person + " twice: " + a + " and " + b);
                    }
                }
            }
        });
        for (PlanLoader.MissionPlan m : exam.missions()) {
            int n = m.commissions().size();
            for (int k = 0; k < n; k++) {
                int seats = m.requis() / n + (k < m.requis() % n ? 1 : 0);
                assertThat(perCommission.getOrDefault(m.commissions().get(k).id(), 0)).as("commission seats").isLessThanOrEqualTo(seats);
            }
        }
        // Maximal: an empty place has no competent person who is free then and on no overlapping place.
        for (Poste poste : best.getPostes()) {
            if (poste.getIntervenant() != null) {
                continue;
            }
            PlanLoader.MissionPlan mission = missions.get(poste.getMissionId());
            List<LocalDate> days = daysOf(mission, poste.getCommissionId());
            for (long person : exam.people().keySet()) {
                boolean fits = exam.competences().get(person).contains(mission.epreuveOption())
                        && days.stream().noneMatch(exam.busy().get(person)::contains)
                        && !mission.dejaAffectes().contains(person)
                        && byPerson.getOrDefault(person, List.of()).stream().noneMatch(other -> other.getMissionId() == mission.id()
                        || daysOf(missions.get(other.getMissionId()), other.getCommissionId()).stream().anyMatch(days::contains));
                if (fits) {
                    broken.add(poste + " left empty while " + person + " could take it");
                    break;
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(best.getScore().hardScore()).isZero();
        long filled = best.pourvus();
        assertThat(filled).as("filled places").isGreaterThan(best.getPostes().size() / 2);
        System.out.printf("affectation solver: %d places, %d filled, score %s, %d ms%n", best.getPostes().size(), filled,
                best.getScore(), millis);
    }

    @Test
    void placesFollowTheOfficesCountAndTheCommissions() {
        List<LocalDate> days = List.of(PREMIER, PREMIER.plusDays(1));
        PlanLoader.CommissionPlan c1 = new PlanLoader.CommissionPlan(1, "A", List.of(PREMIER), 1);
        PlanLoader.CommissionPlan c2 = new PlanLoader.CommissionPlan(2, "B", List.of(), 0);
        // Five required over two commissions: three and two seats; one person already holds a seat of the first.
        List<Places.Place> places = Places.of(new PlanLoader.MissionPlan(1, "M", 7L, "C", null, 5, days, 0, List.of(c1, c2), Set.of(99L)));
        assertThat(places).extracting(Places.Place::commissionId).containsExactly(1L, 1L, 2L, 2L);
        assertThat(places.get(0).jours()).containsExactly(PREMIER);
        assertThat(places.get(2).jours()).as("a commission without days has the mission's").isEqualTo(days);
        // No count: one examiner per commission.
        assertThat(Places.of(new PlanLoader.MissionPlan(1, "M", 7L, "C", null, null, days, 0, List.of(c1, c2), Set.of(99L))))
                .extracting(Places.Place::commissionId).containsExactly(2L);
        // No count and no commission: nothing to fill, the office must set it.
        assertThat(Places.of(new PlanLoader.MissionPlan(1, "M", 7L, "C", null, null, days, 0, List.of(), Set.of()))).isEmpty();
        assertThat(Places.of(new PlanLoader.MissionPlan(1, "M", 7L, "C", null, 3, days, 1, List.of(), Set.of(5L)))).hasSize(2);
    }

    private static List<LocalDate> daysOf(PlanLoader.MissionPlan mission, Long commission) {
        return mission.commissions().stream().filter(c -> commission != null && c.id() == commission && !c.jours().isEmpty())
                .findFirst().map(PlanLoader.CommissionPlan::jours).orElse(mission.jours());
    }

}
