package fr.education.imagin.demo;

import fr.education.imagin.demo.Catalog.Examen;
import fr.education.imagin.demo.Catalog.TypeMission;
import fr.education.imagin.demo.GenerationContext.RandomStream;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Plans the missions over the five sessions: exam and type by weight, an épreuve of the right kind,
 * a centre fit for the exam, dates in the exam calendar, commissions with their rooms, and juries.
 * Nothing is loaded here: {@link MissionWriter} writes the plan.
 */
final class MissionPlanner {

    private static final String[] SALLES_SPECIALES = {"CDI", "Gymnase", "Amphi A", "Salle polyvalente", "Atelier 2", "Réfectoire"};

    private final GenerationContext context;
    private final ExamReference exams;
    private final OptionalMissionColumns columns;
    private final SplittableRandom rng;
    private final int[] collegeCentres;
    private final int[] lyceeCentres;
    private final int[] proCentres;
    private final int[] digitisationCentres;
    private final int[] anyCentres;

    MissionPlanner(GenerationContext context, Etablissements etablissements, ExamReference exams,
                   OptionalMissionColumns columns) {
        this.context = context;
        this.exams = exams;
        this.columns = columns;
        this.rng = context.random(RandomStream.MISSION_PLANS);
        this.collegeCentres = etablissements.indexesWhere(e -> e.centre && "COLLEGE".equals(e.categorie));
        this.lyceeCentres = etablissements.indexesWhere(e -> e.centre && (e.levels & Catalog.L) != 0);
        this.proCentres = etablissements.indexesWhere(e -> e.centre && (e.levels & Catalog.P) != 0);
        this.digitisationCentres = etablissements.indexesWhere(e -> e.numerisation);
        int[] centres = etablissements.indexesWhere(e -> e.centre);
        this.anyCentres = centres.length > 0 ? centres : etablissements.indexesWhere(e -> e.uai != null);
    }

    /** Plans {@code m} missions. */
    Missions plan(int m) {
        Missions missions = new Missions(m);
        double[] examCum = examCumulativeWeights();
        double[][] typeCumByExam = typeCumulativeWeights();
        int firstYear = exams.firstSessionYear();
        long todayDay = context.calendar().todayDay();
        int corr = Catalog.typeIndex("CORR");
        for (int n = 0; n < m; n++) {
            int x = CumulativeWeights.pick(examCum, rng);
            Examen ex = Catalog.EXAMENS.get(x);
            int year = firstYear + rng.nextInt(DemoCalendar.SESSION_YEARS);
            int ti = CumulativeWeights.pick(typeCumByExam[x], rng);
            int kind = Catalog.epreuveKind(Catalog.TYPES.get(ti).code());
            if (kind >= 0 && exams.epreuves(x, kind).length == 0) { // no such épreuve: a written correction
                ti = corr;
                kind = Catalog.epreuveKind("CORR");
            }
            TypeMission tm = Catalog.TYPES.get(ti);
            int ep = kind < 0 ? -1 : epreuve(exams.epreuves(x, kind), tm.code());
            int centre = centre(ex, tm.code());

            MissionWindows.Window window = MissionWindows.of(ex.famille(), tm.code(), rng);
            int start = startDay(window.from(year), window.to(year));
            int dow = LocalDate.ofEpochDay(start).getDayOfWeek().getValue();
            int days = tm.minDays() + rng.nextInt(tm.maxDays() - tm.minDays() + 1);
            days = Math.min(days, 6 - dow); // ends within the week
            boolean convokedByEtablissement = tm.ec() || rng.nextDouble() < 0.18;
            boolean cycladesPending = columns.cycladesAssignment() && "INEC".equals(tm.code()) && start > todayDay
                    && rng.nextDouble() < 0.4;
            int i = missions.add(ti, x, ep, centre, start, days, convokedByEtablissement, cycladesPending);

            if (!"JURY".equals(tm.code()) && !"SSCAN".equals(tm.code()) && rng.nextDouble() < 0.36) {
                int nc = 1 + rng.nextInt(4);
                for (int c = 0; c < nc; c++) {
                    int off = days <= 2 ? 0 : rng.nextInt(days);
                    int len = days <= 2 ? days : 1 + rng.nextInt(days - off);
                    missions.addCommission(i, off, len, salle(rng, tm.code()));
                }
            }
            missions.setJuryCount(i, juryCount(tm.code()));
        }
        return missions;
    }

    private static double[] examCumulativeWeights() {
        double[] cumulative = new double[Catalog.EXAMENS.size()];
        double acc = 0;
        for (int i = 0; i < cumulative.length; i++) {
            acc += Catalog.EXAMENS.get(i).weight();
            cumulative[i] = acc;
        }
        return cumulative;
    }

    /** Per exam, the weights of its mission types, without the types it has no épreuve for (written ones aside). */
    private double[][] typeCumulativeWeights() {
        double[][] byExam = new double[Catalog.EXAMENS.size()][Catalog.TYPES.size()];
        for (int x = 0; x < byExam.length; x++) {
            Examen ex = Catalog.EXAMENS.get(x);
            double acc = 0;
            for (int ti = 0; ti < Catalog.TYPES.size(); ti++) {
                TypeMission tm = Catalog.TYPES.get(ti);
                int kind = Catalog.epreuveKind(tm.code());
                boolean possible = ex.types().contains(tm.code()) && (kind < 0 || kind == Catalog.ECRIT
                        || exams.epreuves(x, kind).length > 0);
                if (possible) {
                    acc += tm.weight();
                }
                byExam[x][ti] = acc;
            }
        }
        return byExam;
    }

    /** One of {@code options}; surveillances and scans cover the whole exam 30% of the time (-1). */
    private int epreuve(int[] options, String type) {
        boolean optional = "SURV".equals(type) || "SSCAN".equals(type);
        if (options.length > 0 && !(optional && rng.nextDouble() < 0.3)) {
            return options[rng.nextInt(options.length)];
        }
        return -1;
    }

    /** A centre of the exam's level (a digitisation centre for scans and EC corrections). */
    private int centre(Examen ex, String type) {
        int[] pool;
        if ("COEC".equals(type) || "SSCAN".equals(type)) {
            pool = digitisationCentres;
        } else if (ex.level() == Catalog.C) {
            pool = rng.nextDouble() < 0.8 ? collegeCentres : lyceeCentres;
        } else if (ex.level() == Catalog.P) {
            pool = proCentres;
        } else {
            pool = lyceeCentres;
        }
        if (pool.length == 0) {
            pool = lyceeCentres.length > 0 ? lyceeCentres : anyCentres;
        }
        return pool[rng.nextInt(pool.length)];
    }

    /** A weekday of the window; week-end days are redrawn (up to ten times) so that no weekday is favoured. */
    private int startDay(LocalDate from, LocalDate to) {
        int span = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        int start;
        int tries = 0;
        do {
            start = (int) (from.toEpochDay() + rng.nextInt(span));
        } while (DemoCalendar.onWeekday(start) != start && ++tries < 10);
        return DemoCalendar.onWeekday(start);
    }

    /** Juries: always for deliberation missions, sometimes for corrections, orals and practical exams. */
    private int juryCount(String type) {
        if ("JURY".equals(type)) {
            return 1 + rng.nextInt(3);
        }
        if (!"SURV".equals(type) && !"SSCAN".equals(type) && !"COEC".equals(type) && rng.nextDouble() < 0.15) {
            return 1 + rng.nextInt(2);
        }
        return 0;
    }

    /** A numbered classroom (101..325), or more often for surveillances a special room. */
    static String salle(SplittableRandom rng, String type) {
        if (rng.nextDouble() < ("SURV".equals(type) ? 0.3 : 0.08)) {
            return SALLES_SPECIALES[rng.nextInt(SALLES_SPECIALES.length)];
        }
        return String.valueOf(100 * (1 + rng.nextInt(3)) + 1 + rng.nextInt(25));
    }
}
