package fr.education.imagin.demo;

import fr.education.imagin.demo.GenerationContext.RandomStream;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The same designed missions in each exam centre a demo chef signs in for (the shared centres and
 * the académie's demo lycée, see {@link #demoLycee}), so that everything the guide describes for
 * "Consultation des missions" and "Convocation par mission" (§4.1, §4.2) can be tried in the
 * current session year N and the next one, whatever the random missions gave that centre:
 * <ul>
 * <li>N+1, open to the centre's convocations: a written correction the office targeted
 *     ({@code convocation_etablissement}), with commissions, juries, an observation to prefill, office
 *     convocations, assignments not yet convened and the centre's own convocations; a COEC whose
 *     office days are a part of its period ({@code mission_jour}); an INEC whose Cyclades assignment is
 *     not finished (convening is refused, CONV-9); an SSCAN; a PRECE; a targeted oral nobody is
 *     convened to yet;</li>
 * <li>N, past: a targeted correction with convocations of both authors, one of the centre's having
 *     its service fait already processed by the office (it can be neither modified nor deleted), an
 *     oral with three juries and partial days ("Dates spécifiques"), and a PRECE.</li>
 * </ul>
 * Written after the random missions, whose ids and numbers they continue; the people come from
 * their own random stream (office convocations: teachers of the épreuve's matière; the centre's:
 * teachers of the centre). Loads {@code mission}, {@code mission_jour}, {@code commission},
 * {@code commission_jour}, {@code jury}, {@code affectation}, {@code affectation_creneau} and
 * {@code service_fait}.
 */
final class CentreScenario {

    /** Below this much staff the académie is a test fixture: no designed missions. */
    private static final int MIN_STAFF = 50;

    private enum Author { OFFICE, ASSIGNED, CENTRE }

    /** Days are offsets from the mission's first day; {@code commission} and {@code jury} are ranks in the mission, -1 for none. */
    private record Aff(Author author, String qualite, int commission, int jury, String salle, String observation,
                       int[] days, boolean serviceFaitTraite) {
    }

    private record Com(String code, String salle, int candidats, int[] days) {
    }

    /**
     * @param officeDays the days the office set ({@code mission_jour}) as offsets; {@code null} = every day
     */
    private record Template(String type, String examen, String epreuve, LocalDate start, int days, int[] officeDays,
                            boolean targeted, boolean cycladesDone, int candidats, String observation,
                            String observationConvocation, List<Com> commissions, int juries, List<Aff> affectations) {

        boolean dayOfMission(int offset) {
            return officeDays == null ? offset >= 0 && offset < days : Arrays.stream(officeDays).anyMatch(d -> d == offset);
        }
    }

    private final GenerationContext context;
    private final Etablissements etablissements;
    private final Personnels personnels;
    private final ExamReference exams;
    private final OptionalMissionColumns columns;
    private final SplittableRandom rng;
    private final int[] centres;
    private final int demoLycee;
    private final List<Template> templates;

    CentreScenario(GenerationContext context, Etablissements etablissements, Personnels personnels, ExamReference exams,
                   OptionalMissionColumns columns) {
        this.context = context;
        this.etablissements = etablissements;
        this.personnels = personnels;
        this.exams = exams;
        this.columns = columns;
        this.rng = context.random(RandomStream.CENTRE_SCENARIO);
        this.templates = templates(context.calendar().currentYear());
        this.demoLycee = demoLycee(etablissements, personnels);
        int[] chosen = centres(etablissements, demoLycee);
        int perCentre = templates.size();
        // The random missions keep most of the size asked for; a tiny académie gets none of these.
        boolean room = personnels.count() >= MIN_STAFF && context.size().missions() >= 4 * perCentre * chosen.length
                && context.size().affectations() >= 4 * affectationsPerCentre(templates) * chosen.length;
        this.centres = room ? chosen : new int[0];
    }

    /**
     * The exam-centre lycée (LGT or LPO) where the most people work, ties to the smallest UAI: the
     * one {@link DemoSeeder} gives the académie's lycée chef account. -1 when there is none.
     */
    static int demoLycee(Etablissements etablissements, Personnels personnels) {
        int[] staff = new int[etablissements.size()];
        for (int p = 0; p < personnels.count(); p++) {
            staff[personnels.etab(p)]++;
            if (personnels.secondEtab(p) >= 0) {
                staff[personnels.secondEtab(p)]++;
            }
        }
        int best = -1;
        for (int i = 0; i < etablissements.size(); i++) {
            Etablissement e = etablissements.get(i);
            if (!e.centre || e.uai == null || !("LGT".equals(e.categorie) || "LPO".equals(e.categorie))) {
                continue;
            }
            if (best < 0 || staff[i] > staff[best] || staff[i] == staff[best] && e.uai.compareTo(etablissements.get(best).uai) < 0) {
                best = i;
            }
        }
        return best;
    }

    /** The shared centres, then the demo lycée when it is not one of them. */
    private static int[] centres(Etablissements etablissements, int demoLycee) {
        IntList out = new IntList();
        for (int i : etablissements.indexesWhere(e -> e.sharedCentre && e.uai != null)) {
            out.add(i);
        }
        if (demoLycee >= 0 && !out.contains(demoLycee)) {
            out.add(demoLycee);
        }
        return out.toArray();
    }

    int demoLycee() {
        return demoLycee;
    }

    /** The missions this scenario writes (to be taken from the random ones). */
    int missionCount() {
        return centres.length * templates.size();
    }

    /** The affectations this scenario writes (to be taken from the random ones). */
    int affectationCount() {
        return centres.length * affectationsPerCentre(templates);
    }

    private static int affectationsPerCentre(List<Template> templates) {
        return templates.stream().mapToInt(t -> t.affectations().size()).sum();
    }

    // --- the missions --------------------------------------------------------------------------

    private static List<Template> templates(int n) {
        int next = n + 1;
        return List.of(
                new Template("CORR", "470", "T004A", monday(next, 6, 14), 3, null, true, true, 240,
                        "Réunion d'entente le premier jour à 8h30 en salle des professeurs.",
                        "Se présenter à l'accueil du lycée avec la convocation et une pièce d'identité.",
                        List.of(com("1MAT", "201", 80, 0, 1), com("2MAT", "202", 80, 1, 2), com("3MAT", "Amphi A", 80, 2)), 2,
                        List.of(office("Correcteur", 0, 0, 0, 1), office("Correcteur", 1, 0, 1, 2), office("Correcteur", 2, 1, 2),
                                office("Correcteur suppléant", 0, -1, 0),
                                assigned("Correcteur", 1, 1, 2), assigned("Correcteur", 2, 2),
                                centre("Correcteur", 0, -1, "", "", 0, 1),
                                centre("Correcteur", 1, 1, "205", "Rapporter les copies corrigées le dernier jour avant 12h00.", 1, 2))),
                // Office days Monday, Tuesday and Thursday of a five-day period (CONV-6: only these can be chosen).
                new Template("COEC", "470", "HG", monday(next, 6, 21), 5, new int[] {0, 1, 3}, true, true, 640, "", "",
                        List.of(), 0,
                        List.of(office("Correcteur", -1, -1, 0, 1), office("Référent correction", -1, -1, 0, 1, 3),
                                centre("Correcteur", -1, -1, "", "", 0, 1), centre("Correcteur suppléant", -1, -1, "", "", 3),
                                centre("Correcteur Santorin", -1, -1, "", "", 0, 1, 3))),
                // CONV-9: Cyclades has not finished assigning the candidates.
                new Template("INEC", "470", "LVA", monday(next, 6, 21).plusDays(2), 2, null, true, false, 96, "", "",
                        List.of(), 0, List.of()),
                new Template("SSCAN", "470", null, monday(next, 6, 14).plusDays(3), 2, null, true, true, 1_200, "", "",
                        List.of(), 0, List.of(office("", -1, -1, 0), centre("", -1, -1, "", "", 1))),
                new Template("PRECE", "470", "T011B", monday(next, 3, 22), 2, null, true, true, 72, "", "",
                        List.of(), 0,
                        List.of(office("Coordinateur", -1, -1, 0, 1), centre("Correcteur", -1, -1, "Labo 2", "", 0),
                                centre("Correcteur suppléant", -1, -1, "", "", 1))),
                // Nobody convened yet: the centre starts from an empty list.
                new Template("ORAL", "47A", "EAF-O", monday(next, 6, 28), 3, null, true, true, 60, "", "",
                        List.of(), 0, List.of()),
                new Template("CORR", "470", "PHILO", monday(n, 6, 15), 3, null, true, true, 180,
                        "Réunion d'harmonisation le dernier jour à 14h00.\nRemise des bordereaux de notation avant 17h00.", "",
                        List.of(com("1PHI", "105", 90, 0, 1), com("2PHI", "106", 90, 1, 2)), 2,
                        List.of(office("Correcteur", 0, 0, 0, 1), office("Correcteur", 0, 0, 0), office("Correcteur", 1, 1, 1, 2),
                                office("Correcteur", 1, 1, 2), office("Coordonnateur", 0, -1, 0, 1),
                                new Aff(Author.CENTRE, "Correcteur", 1, -1, "", "", new int[] {1, 2}, true),
                                centre("Correcteur", 0, -1, "", "", 0, 1))),
                new Template("ORAL", "430", "GO", monday(n, 6, 22), 3, null, false, true, 150, "", "",
                        List.of(), 3,
                        List.of(office("Examinateur", -1, 0, 0, 1, 2), office("Examinateur", -1, 0, 0, 1),
                                office("Examinateur", -1, 1, 1, 2), office("Interrogateur", -1, 1, 1),
                                office("Examinateur", -1, 2, 2), office("Examinateur", -1, 2, 0, 1, 2))),
                new Template("PRECE", "470", "T012B", monday(n, 3, 23), 2, null, true, true, 64, "", "",
                        List.of(), 0,
                        List.of(office("Coordinateur", -1, -1, 0, 1), centre("Correcteur", -1, -1, "", "", 0),
                                centre("Correcteur", -1, -1, "", "", 1))));
    }

    private static LocalDate monday(int year, int month, int day) {
        return LocalDate.of(year, month, day).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    private static Com com(String code, String salle, int candidats, int... days) {
        return new Com(code, salle, candidats, days);
    }

    private static Aff office(String qualite, int commission, int jury, int... days) {
        return new Aff(Author.OFFICE, qualite, commission, jury, "", "", days, false);
    }

    private static Aff assigned(String qualite, int commission, int... days) {
        return new Aff(Author.ASSIGNED, qualite, commission, -1, "", "", days, false);
    }

    private static Aff centre(String qualite, int commission, int jury, String salle, String observation, int... days) {
        return new Aff(Author.CENTRE, qualite, commission, jury, salle, observation, days, false);
    }

    // --- writing -------------------------------------------------------------------------------

    /** Writes the missions of every centre, numbered with {@code numeros} (one per mission). */
    void write(String[] numeros) throws SQLException {
        if (centres.length == 0) {
            return;
        }
        if (numeros.length < missionCount()) {
            throw new IllegalArgumentException("one number per designed mission is needed");
        }
        long firstMission = next("mission");
        long firstCommission = next("commission");
        long firstJury = next("jury");
        long firstAffectation = next("affectation");
        int[][][] people = choosePeople();
        copyMissions(numeros, firstMission);
        copyMissionDays(firstMission);
        copyCommissions(firstMission, firstCommission);
        copyJuries(firstMission, firstJury);
        copyAffectations(people, firstMission, firstCommission, firstJury, firstAffectation);
    }

    /** The next id of a table whose ids the generators assign from 1 without gaps. */
    private long next(String table) {
        return context.loader().rowsByTable().getOrDefault(table, 0L) + 1;
    }

    private int mission(int centre, int template) {
        return centre * templates.size() + template;
    }

    private void copyMissions(String[] numeros, long firstMission) throws SQLException {
        DemoCalendar calendar = context.calendar();
        context.loader().copy("mission", "id, numero, type_code, session_id, epreuve_option_id, centre_uai, "
                + "date_debut, date_fin, candidats_attendus, ouvre_droit_remuneration, convocation_etablissement, "
                + "signature, observation" + (columns.cycladesAssignment() ? ", affectation_cyclades_terminee" : "")
                + (columns.observationConvocation() ? ", observation_convocation" : ""), w -> {
            for (int c = 0; c < centres.length; c++) {
                for (int t = 0; t < templates.size(); t++) {
                    Template m = templates.get(t);
                    boolean ec = Catalog.TYPES.get(Catalog.typeIndex(m.type())).ec();
                    long start = m.start().toEpochDay();
                    w.num(firstMission + mission(c, t)).raw(numeros[mission(c, t)]).raw(m.type())
                            .num(exams.sessionId(examIndex(m.examen()), m.start().getYear()))
                            .ref(m.epreuve() == null ? -1 : epreuve(m.examen(), m.epreuve()) + 1L)
                            .text(etablissements.get(centres[c]).uai).raw(calendar.date(start))
                            .raw(calendar.date(start + m.days() - 1)).num(m.candidats()).bool(!"SSCAN".equals(m.type()))
                            .bool(ec || m.targeted()).raw(ec ? "ETABLISSEMENT" : "CENTRE").text(m.observation());
                    if (columns.cycladesAssignment()) {
                        w.bool(m.cycladesDone());
                    }
                    if (columns.observationConvocation()) {
                        w.text(m.observationConvocation());
                    }
                    w.endRow();
                }
            }
        });
    }

    private void copyMissionDays(long firstMission) throws SQLException {
        DemoCalendar calendar = context.calendar();
        context.loader().copy("mission_jour", "mission_id, jour", w -> {
            for (int c = 0; c < centres.length; c++) {
                for (int t = 0; t < templates.size(); t++) {
                    Template m = templates.get(t);
                    for (int d = 0; d < m.days(); d++) {
                        if (m.dayOfMission(d)) {
                            w.num(firstMission + mission(c, t)).raw(calendar.date(m.start().toEpochDay() + d)).endRow();
                        }
                    }
                }
            }
        });
    }

    /** Commissions of every mission in mission order, then their days. */
    private void copyCommissions(long firstMission, long firstCommission) throws SQLException {
        DemoCalendar calendar = context.calendar();
        context.loader().copy("commission", "id, mission_id, code, salle, nb_candidats", w -> {
            long id = firstCommission;
            for (int c = 0; c < centres.length; c++) {
                for (int t = 0; t < templates.size(); t++) {
                    for (Com com : templates.get(t).commissions()) {
                        w.num(id++).num(firstMission + mission(c, t)).raw(com.code()).text(com.salle()).num(com.candidats()).endRow();
                    }
                }
            }
        });
        context.loader().copy("commission_jour", "commission_id, jour", w -> {
            long id = firstCommission;
            for (int c = 0; c < centres.length; c++) {
                for (Template m : templates) {
                    for (Com com : m.commissions()) {
                        for (int d : com.days()) {
                            w.num(id).raw(calendar.date(m.start().toEpochDay() + d)).endRow();
                        }
                        id++;
                    }
                }
            }
        });
    }

    private void copyJuries(long firstMission, long firstJury) throws SQLException {
        context.loader().copy("jury", "id, mission_id, code", w -> {
            long id = firstJury;
            for (int c = 0; c < centres.length; c++) {
                for (int t = 0; t < templates.size(); t++) {
                    for (int j = 0; j < templates.get(t).juries(); j++) {
                        w.num(id++).num(firstMission + mission(c, t)).raw("J" + Digits.padded(j + 1, 2)).endRow();
                    }
                }
            }
        });
    }

    private void copyAffectations(int[][][] people, long firstMission, long firstCommission, long firstJury,
                                  long firstAffectation) throws SQLException {
        DemoCalendar calendar = context.calendar();
        long today = calendar.todayDay();
        List<long[]> processed = new ArrayList<>(); // affectation id, the mission's last day, centre rank, session, person
        context.loader().copy("affectation", "id, mission_id, personnel_id, qualite, commission_id, jury_id, salle, "
                + "observation, statut, auteur, convoquee_le, created_at", w -> {
            long id = firstAffectation;
            long commission = firstCommission;
            long jury = firstJury;
            for (int c = 0; c < centres.length; c++) {
                for (int t = 0; t < templates.size(); t++) {
                    Template m = templates.get(t);
                    long start = m.start().toEpochDay();
                    for (int a = 0; a < m.affectations().size(); a++) {
                        Aff aff = m.affectations().get(a);
                        String statut = switch (aff.author()) {
                            case OFFICE -> "CONVOQUEE";
                            case ASSIGNED -> "AFFECTEE";
                            case CENTRE -> "CONVOQUEE_PAR_CENTRE";
                        };
                        // convened a few weeks before the mission, or lately for the coming session
                        long convened = Math.min(start - 21 - a, today - 2 - a);
                        w.num(id).num(firstMission + mission(c, t)).num(people[c][t][a] + 1L).text(aff.qualite())
                                .ref(aff.commission() < 0 ? -1 : commission + aff.commission())
                                .ref(aff.jury() < 0 ? -1 : jury + aff.jury()).text(aff.salle()).text(aff.observation())
                                .raw(statut).raw(aff.author() == Author.CENTRE ? "CENTRE" : "ACADEMIE");
                        if (aff.author() == Author.ASSIGNED) {
                            w.raw(null);
                        } else {
                            w.begin().append(calendar.date(convened)).append(' ').append(DemoCalendar.time(9 + a % 8, 5 * a % 60));
                        }
                        w.begin().append(calendar.date(convened - 12)).append(' ').append(DemoCalendar.time(14, 10 + a));
                        w.endRow();
                        if (aff.serviceFaitTraite()) {
                            processed.add(new long[] {id, start + m.days() - 1, c,
                                    exams.sessionId(examIndex(m.examen()), m.start().getYear()), people[c][t][a] + 1L});
                        }
                        id++;
                    }
                    commission += m.commissions().size();
                    jury += m.juries();
                }
            }
        });
        copyCreneaux(firstAffectation);
        copyServicesFaits(processed);
    }

    /** Mornings 08:00-12:00, every third person the afternoons 13:30-17:30. */
    private void copyCreneaux(long firstAffectation) throws SQLException {
        DemoCalendar calendar = context.calendar();
        context.loader().copy("affectation_creneau", "affectation_id, jour, heure_debut, heure_fin", w -> {
            long id = firstAffectation;
            for (int c = 0; c < centres.length; c++) {
                for (Template m : templates) {
                    for (int a = 0; a < m.affectations().size(); a++) {
                        boolean afternoon = a % 3 == 2;
                        for (int d : m.affectations().get(a).days()) {
                            w.num(id).raw(calendar.date(m.start().toEpochDay() + d))
                                    .raw(afternoon ? "13:30:00" : "08:00:00").raw(afternoon ? "17:30:00" : "12:00:00").endRow();
                        }
                        id++;
                    }
                }
            }
        });
    }

    /** Written-correction services faits the office has already validated (CONV-2: no change any more). */
    private void copyServicesFaits(List<long[]> processed) throws SQLException {
        DemoCalendar calendar = context.calendar();
        context.loader().copy("service_fait", "affectation_id, fait, candidats_inscrits, nb_copies, saisi_par, saisi_le"
                + (columns.frais() ? "" : ", traite_gestionnaire"), w -> {
            for (long[] p : processed) {
                w.num(p[0]).bool(true).num(90).num(88).text(etablissements.get(centres[(int) p[2]]).uai)
                        .begin().append(calendar.date(p[1] + 1)).append(" 16:20:00");
                if (!columns.frais()) {
                    w.bool(true);
                }
                w.endRow();
            }
        });
        if (columns.frais()) {
            context.loader().copy("frais", "nature, session_id, personnel_id, affectation_id, unite, quantite, statut, "
                    + "traite_par, traite_le", w -> {
                for (long[] p : processed) {
                    w.raw("REMUNERATION").num(p[3]).num(p[4]).num(p[0]).raw("COPIES").num(88).raw("VALIDE")
                            .text("gest." + context.profile().tenantCode()).begin().append(calendar.date(p[1] + 8)).append(" 10:00:00");
                    w.endRow();
                }
            });
        }
    }

    // --- the people ----------------------------------------------------------------------------

    /** Per centre, mission and affectation, the person (index); distinct within each mission. */
    private int[][][] choosePeople() {
        StaffPools pools = new StaffPools(etablissements, personnels);
        int[][][] people = new int[centres.length][templates.size()][];
        for (int c = 0; c < centres.length; c++) {
            int[] atCentre = staffOf(centres[c]);
            for (int t = 0; t < templates.size(); t++) {
                Template m = templates.get(t);
                int level = Catalog.EXAMENS.get(examIndex(m.examen())).level();
                String matiere = m.epreuve() == null ? null : exams.epreuve(epreuve(m.examen(), m.epreuve())).matiere();
                int[] office = matiere == null ? pools.ofLevel(level) : pools.teaching(matiere, level);
                int[] centre = teaching(atCentre, matiere);
                Set<Integer> used = new HashSet<>();
                people[c][t] = new int[m.affectations().size()];
                for (int a = 0; a < people[c][t].length; a++) {
                    boolean byCentre = m.affectations().get(a).author() == Author.CENTRE;
                    // the centre's teachers of the matière, then its other teachers
                    people[c][t][a] = pick(byCentre ? centre : office, byCentre ? atCentre : office, used);
                }
            }
        }
        return people;
    }

    /** The people working in establishment {@code etab}, principally or not. */
    private int[] staffOf(int etab) {
        IntList out = new IntList();
        for (int p = 0; p < personnels.count(); p++) {
            if (personnels.etab(p) == etab || personnels.secondEtab(p) == etab) {
                out.add(p);
            }
        }
        return out.toArray();
    }

    /** Those of {@code staff} whose discipline teaches {@code matiere}; all of them when none does or for no matière. */
    private int[] teaching(int[] staff, String matiere) {
        if (matiere == null) {
            return staff;
        }
        IntList out = new IntList();
        for (int p : staff) {
            if (Arrays.asList(personnels.discipline(p).matieres()).contains(matiere)) {
                out.add(p);
            }
        }
        return out.size() > 0 ? out.toArray() : staff;
    }

    /** Someone of {@code pool} not yet used (random draws, then in order), else of {@code fallback}, else anyone not used. */
    private int pick(int[] pool, int[] fallback, Set<Integer> used) {
        for (int attempt = 0; attempt < 12 && pool.length > 0; attempt++) {
            int p = pool[rng.nextInt(pool.length)];
            if (used.add(p)) {
                return p;
            }
        }
        for (int[] candidates : new int[][] {pool, fallback}) {
            for (int p : candidates) {
                if (used.add(p)) {
                    return p;
                }
            }
        }
        int p = rng.nextInt(personnels.count());
        while (!used.add(p)) {
            p = (p + 1) % personnels.count();
        }
        return p;
    }

    private static int examIndex(String code) {
        for (int x = 0; x < Catalog.EXAMENS.size(); x++) {
            if (Catalog.EXAMENS.get(x).code().equals(code)) {
                return x;
            }
        }
        throw new IllegalArgumentException("no exam " + code);
    }

    /** The first épreuve {@code code} of exam {@code examen} (index in {@link ExamReference}). */
    private int epreuve(String examen, String code) {
        for (int e = 0; e < exams.epreuveCount(); e++) {
            if (exams.epreuve(e).code().equals(code) && exams.examOf(e).code().equals(examen)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no épreuve " + code + " in exam " + examen);
    }
}
