package fr.education.imagin.demo;

import fr.education.imagin.demo.Catalog.TypeMission;
import fr.education.imagin.demo.GenerationContext.RandomStream;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Designates the staff on the missions: as many people per mission as its type calls for (scaled
 * to the affectations asked for), mostly teachers of the épreuve's matière, spread over the
 * commissions and juries, convened or not yet depending on how far the mission is; then their time
 * slots. Loads {@code affectation} and {@code affectation_creneau}.
 */
final class AffectationGenerator {

    private static final String[] CRENEAU_DEBUT = {"08:00:00", "13:30:00"};
    private static final String[] CRENEAU_FIN = {"12:00:00", "17:30:00"};

    private final GenerationContext context;
    private final Etablissements etablissements;
    private final Personnels personnels;
    private final ExamReference exams;
    private final SplittableRandom rng;

    AffectationGenerator(GenerationContext context, Etablissements etablissements, Personnels personnels,
                         ExamReference exams) {
        this.context = context;
        this.etablissements = etablissements;
        this.personnels = personnels;
        this.exams = exams;
        this.rng = context.random(RandomStream.AFFECTATIONS);
    }

    /** About {@code target} affectations over the missions (fewer when the staff is too small). */
    void generate(Missions missions, int target) throws SQLException {
        int[] perMission = affectationsPerMission(missions, target);
        Creneaux creneaux = new Creneaux(Arrays.stream(perMission).sum());
        copyAffectations(missions, perMission, creneaux);
        copyCreneaux(missions, creneaux);
    }

    /**
     * A count per mission drawn in its type's range, scaled so that they add up to the target
     * (rounding the running sum, so nothing is lost); never more than the staff.
     */
    private int[] affectationsPerMission(Missions missions, int affectations) {
        int m = missions.count();
        int nPers = personnels.count();
        int target = nPers == 0 || m == 0 ? 0 : Math.max(0, affectations);
        int[] perMission = new int[m];
        if (target > 0) {
            double[] raw = new double[m];
            double sum = 0;
            for (int i = 0; i < m; i++) {
                TypeMission tm = missions.type(i);
                raw[i] = tm.minAff() + rng.nextDouble() * (tm.maxAff() - tm.minAff());
                sum += raw[i];
            }
            double scale = target / sum;
            double acc = 0;
            long prev = 0;
            for (int i = 0; i < m; i++) {
                acc += raw[i] * scale;
                long upto = Math.round(acc);
                perMission[i] = (int) Math.min(nPers, upto - prev);
                prev = upto;
            }
        }
        return perMission;
    }

    private void copyAffectations(Missions missions, int[] perMission, Creneaux creneaux) throws SQLException {
        DemoCalendar calendar = context.calendar();
        long todayDay = calendar.todayDay();
        StaffPools pools = new StaffPools(etablissements, personnels);
        context.loader().copy("affectation", "id, mission_id, personnel_id, qualite, commission_id, jury_id, salle, "
                + "observation, statut, auteur, convoquee_le, created_at", w -> {
            IntList chosen = new IntList();
            int a = 0;
            for (int i = 0; i < missions.count(); i++) {
                int k = perMission[i];
                if (k == 0) {
                    continue;
                }
                String type = missions.type(i).code();
                int level = missions.examen(i).level();
                int[] levelPool = pools.ofLevel(level);
                int[] specific = levelPool;
                if (missions.epreuve(i) >= 0) {
                    String matiere = exams.epreuve(missions.epreuve(i)).matiere();
                    if (matiere != null) {
                        specific = pools.teaching(matiere, level);
                    }
                }
                chooseStaff(k, specific, levelPool, chosen);

                int start = missions.start(i);
                boolean far = start > todayDay + 60;
                int nc = missions.commissionCount(i);
                int nj = missions.juryCount(i);
                int comStart = nc > 0 ? rng.nextInt(nc) : 0;
                boolean[] presided = new boolean[nj];
                for (int s = 0; s < k; s++) {
                    // round-robin over the commissions from a random one
                    int com = nc > 0 ? missions.firstCommission(i) + (comStart + s) % nc : -1;
                    int jury = -1;
                    if (nj > 0 && ("JURY".equals(type) || rng.nextDouble() < 0.8)) {
                        jury = "JURY".equals(type) ? s % nj : rng.nextInt(nj);
                    }
                    String qualite = qualite(type);
                    if ("JURY".equals(type) && jury >= 0) {
                        qualite = presided[jury] ? "Membre de jury" : "Président de jury";
                        presided[jury] = true;
                    }
                    String salle = com >= 0 ? missions.commissionSalle(com)
                            : rng.nextDouble() < 0.25 ? MissionPlanner.salle(rng, type) : "";
                    String obs = rng.nextDouble() < 0.03
                            ? Catalog.OBSERVATIONS_AFFECTATION[rng.nextInt(Catalog.OBSERVATIONS_AFFECTATION.length)] : "";
                    String statut = statut(missions, i, far);
                    boolean byCentre = "CONVOQUEE_PAR_CENTRE".equals(statut);

                    int off = com >= 0 ? missions.commissionDayOffset(com) : 0;
                    int len = com >= 0 ? missions.commissionDayCount(com) : missions.days(i);
                    creneaux.add(a, i, off, Math.min(len, 3), rng.nextInt(8));

                    w.num(a + 1L).num(i + 1).num(chosen.get(s) + 1L).text(qualite).ref(com < 0 ? -1 : com + 1L)
                            .ref(jury < 0 ? -1 : missions.firstJury(i) + jury + 1L).text(salle).text(obs)
                            .raw(statut).raw(byCentre ? "CENTRE" : "ACADEMIE");
                    int createdDay;
                    if ("AFFECTEE".equals(statut)) {
                        w.raw(null);
                        createdDay = (int) Math.min(start - 20 - rng.nextInt(60), todayDay - 1 - rng.nextInt(5));
                    } else {
                        int conv = (int) Math.min(start - 7 - rng.nextInt(40), todayDay - 1 - rng.nextInt(10));
                        w.begin().append(calendar.date(conv)).append(' ')
                                .append(DemoCalendar.time(8 + rng.nextInt(10), rng.nextInt(60)));
                        createdDay = conv - 1 - rng.nextInt(15);
                    }
                    w.begin().append(calendar.date(createdDay)).append(' ')
                            .append(DemoCalendar.time(8 + rng.nextInt(10), rng.nextInt(60)));
                    w.endRow();
                    a++;
                }
            }
        });
    }

    /**
     * {@code k} distinct people into {@code chosen}: 85% from the matière's teachers, 12% from the
     * level's staff, the rest from anyone; after twelve draws hitting people already chosen, the
     * next free person from a random one.
     */
    private void chooseStaff(int k, int[] specific, int[] levelPool, IntList chosen) {
        int nPers = personnels.count();
        chosen.clear();
        for (int s = 0; s < k; s++) {
            int p = -1;
            for (int attempt = 0; attempt < 12 && p < 0; attempt++) {
                double u = rng.nextDouble();
                int[] pool = u < 0.85 && specific.length > 0 ? specific
                        : levelPool.length > 0 && u < 0.97 ? levelPool : null;
                int cand = pool == null ? rng.nextInt(nPers) : pool[rng.nextInt(pool.length)];
                if (!chosen.contains(cand)) {
                    p = cand;
                }
            }
            if (p < 0) {
                p = rng.nextInt(nPers);
                while (chosen.contains(p)) {
                    p = (p + 1) % nPers;
                }
            }
            chosen.add(p);
        }
    }

    /** Missions far ahead are mostly not convened yet; establishments convene some on EC missions. */
    private String statut(Missions missions, int mission, boolean far) {
        double u = rng.nextDouble();
        if (missions.cycladesPending(mission) || u < (far ? 0.7 : 0.1)) {
            return "AFFECTEE";
        }
        if (missions.convokedByEtablissement(mission) && rng.nextDouble() < 0.55) {
            return "CONVOQUEE_PAR_CENTRE";
        }
        return "CONVOQUEE";
    }

    private String qualite(String type) {
        double u = rng.nextDouble();
        return switch (type) {
            case "CORR" -> u < 0.88 ? "Correcteur" : u < 0.96 ? "Correcteur suppléant" : "Coordinateur";
            case "ORAL" -> u < 0.5 ? "Examinateur" : "Interrogateur";
            case "JURY" -> "Membre de jury";
            case "SURV" -> "Surveillant";
            case "PRAT" -> u < 0.9 ? "Examinateur" : "Coordinateur";
            case "COEC" -> u < 0.9 ? "Correcteur" : "Correcteur suppléant";
            case "INEC" -> "Interrogateur";
            case "PRECE" -> u < 0.75 ? "Correcteur" : u < 0.85 ? "Correcteur suppléant" : "Coordinateur";
            default -> ""; // SSCAN: no qualité for the scanning missions
        };
    }

    private void copyCreneaux(Missions missions, Creneaux creneaux) throws SQLException {
        DemoCalendar calendar = context.calendar();
        context.loader().copy("affectation_creneau", "affectation_id, jour, heure_debut, heure_fin", w -> {
            for (int a = 0; a < creneaux.mission.length; a++) {
                int start = missions.start(creneaux.mission[a]) + creneaux.dayOffset[a];
                for (int d = 0; d < creneaux.dayCount[a]; d++) {
                    int slot = (creneaux.afternoons[a] >> d) & 1;
                    w.num(a + 1L).raw(calendar.date(start + d)).raw(CRENEAU_DEBUT[slot]).raw(CRENEAU_FIN[slot]).endRow();
                }
            }
        });
    }

    /**
     * The time slots of each affectation, kept until the affectations are loaded: on its first
     * {@code dayCount} days from the mission's day {@code dayOffset}, day {@code d} in the morning or,
     * when bit {@code d} of {@code afternoons} is set, the afternoon.
     */
    private static final class Creneaux {
        final int[] mission;
        final byte[] dayOffset;
        final byte[] dayCount;
        final byte[] afternoons;

        Creneaux(int affectations) {
            mission = new int[affectations];
            dayOffset = new byte[affectations];
            dayCount = new byte[affectations];
            afternoons = new byte[affectations];
        }

        void add(int affectation, int missionIndex, int firstDayOffset, int days, int afternoonBits) {
            mission[affectation] = missionIndex;
            dayOffset[affectation] = (byte) firstDayOffset;
            dayCount[affectation] = (byte) days;
            afternoons[affectation] = (byte) afternoonBits;
        }
    }
}
