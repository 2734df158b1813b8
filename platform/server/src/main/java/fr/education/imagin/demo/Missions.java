package fr.education.imagin.demo;

import fr.education.imagin.demo.Catalog.Examen;
import fr.education.imagin.demo.Catalog.TypeMission;

import java.util.ArrayList;
import java.util.List;

/**
 * The missions planned (id = index + 1) with their commissions and juries, numbered in mission
 * order: a mission's commissions are {@code firstCommission .. + commissionCount - 1} (id = index + 1),
 * likewise its juries. Columns of arrays rather than objects: a large académie has 60,000 missions.
 */
final class Missions {

    private final byte[] type;
    private final byte[] exam;
    private final int[] epreuve;
    private final int[] centre;
    private final int[] start;
    private final byte[] days;
    private final boolean[] convokedByEtablissement;
    private final boolean[] cycladesPending;
    private final int[] firstCommission;
    private final byte[] commissionCount;
    private final int[] firstJury;
    private final byte[] juryCount;
    private final IntList commissionDayOffset = new IntList();
    private final IntList commissionDayCount = new IntList();
    private final List<String> commissionSalle = new ArrayList<>();
    private int count;
    private int juries;

    Missions(int capacity) {
        type = new byte[capacity];
        exam = new byte[capacity];
        epreuve = new int[capacity];
        centre = new int[capacity];
        start = new int[capacity];
        days = new byte[capacity];
        convokedByEtablissement = new boolean[capacity];
        cycladesPending = new boolean[capacity];
        firstCommission = new int[capacity];
        commissionCount = new byte[capacity];
        firstJury = new int[capacity];
        juryCount = new byte[capacity];
    }

    /**
     * Adds the next mission, then give it its commissions with {@link #addCommission} and its juries
     * with {@link #setJuryCount}, before adding the next one.
     *
     * @return the mission's index
     */
    int add(int typeIndex, int examIndex, int epreuveIndex, int centreIndex, int startDay, int dayCount,
            boolean convokedByEtablissement, boolean cycladesPending) {
        int i = count++;
        type[i] = (byte) typeIndex;
        exam[i] = (byte) examIndex;
        epreuve[i] = epreuveIndex;
        centre[i] = centreIndex;
        start[i] = startDay;
        days[i] = (byte) dayCount;
        this.convokedByEtablissement[i] = convokedByEtablissement;
        this.cycladesPending[i] = cycladesPending;
        firstCommission[i] = commissionDayOffset.size();
        firstJury[i] = juries;
        return i;
    }

    /** A commission of the last mission added, on {@code dayCount} days from its day {@code dayOffset}. */
    void addCommission(int mission, int dayOffset, int dayCount, String salle) {
        checkLast(mission);
        commissionCount[mission]++;
        commissionDayOffset.add(dayOffset);
        commissionDayCount.add(dayCount);
        commissionSalle.add(salle);
    }

    void setJuryCount(int mission, int n) {
        checkLast(mission);
        juries += n - juryCount[mission];
        juryCount[mission] = (byte) n;
    }

    private void checkLast(int mission) {
        if (mission != count - 1) {
            throw new IllegalStateException("commissions and juries are numbered in mission order");
        }
    }

    int count() {
        return count;
    }

    TypeMission type(int mission) {
        return Catalog.TYPES.get(type[mission]);
    }

    /** The exam's index in {@link Catalog#EXAMENS}. */
    int examIndex(int mission) {
        return exam[mission];
    }

    Examen examen(int mission) {
        return Catalog.EXAMENS.get(exam[mission]);
    }

    /** The épreuve's index in {@link ExamReference}, -1 for a mission on the whole exam. */
    int epreuve(int mission) {
        return epreuve[mission];
    }

    /** The exam centre's index in {@link Etablissements}. */
    int centre(int mission) {
        return centre[mission];
    }

    /** The first day (epoch day), always a weekday. */
    int start(int mission) {
        return start[mission];
    }

    /** Consecutive days, within the first day's week. */
    int days(int mission) {
        return days[mission];
    }

    /** Whether establishments may convene their own staff (always for the EC types). */
    boolean convokedByEtablissement(int mission) {
        return convokedByEtablissement[mission];
    }

    /** An INEC mission whose candidates Cyclades has not finished assigning (CONV-9): nobody convened yet. */
    boolean cycladesPending(int mission) {
        return cycladesPending[mission];
    }

    int firstCommission(int mission) {
        return firstCommission[mission];
    }

    int commissionCount(int mission) {
        return commissionCount[mission];
    }

    int firstJury(int mission) {
        return firstJury[mission];
    }

    int juryCount(int mission) {
        return juryCount[mission];
    }

    /** The first day of a commission, as an offset from its mission's first day. */
    int commissionDayOffset(int commission) {
        return commissionDayOffset.get(commission);
    }

    int commissionDayCount(int commission) {
        return commissionDayCount.get(commission);
    }

    String commissionSalle(int commission) {
        return commissionSalle.get(commission);
    }
}
