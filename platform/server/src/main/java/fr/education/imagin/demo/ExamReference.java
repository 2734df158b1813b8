package fr.education.imagin.demo;

import fr.education.imagin.demo.Catalog.Epreuve;
import fr.education.imagin.demo.Catalog.Examen;

import java.util.List;

/**
 * The exam reference data as loaded: the épreuves (id = index + 1) with their exam, indexed by exam
 * and kind for the missions, and the session ids.
 */
final class ExamReference {

    private final List<Epreuve> epreuves;
    private final int[] examOfEpreuve;
    private final int[][][] epreuvesByExamAndKind;
    private final int firstSessionYear;

    ExamReference(List<Epreuve> epreuves, int[] examOfEpreuve, int[][][] epreuvesByExamAndKind, int firstSessionYear) {
        this.epreuves = List.copyOf(epreuves);
        this.examOfEpreuve = examOfEpreuve;
        this.epreuvesByExamAndKind = epreuvesByExamAndKind;
        this.firstSessionYear = firstSessionYear;
    }

    int epreuveCount() {
        return epreuves.size();
    }

    Epreuve epreuve(int index) {
        return epreuves.get(index);
    }

    /** The exam of an épreuve (index in {@link Catalog#EXAMENS}). */
    Examen examOf(int epreuve) {
        return Catalog.EXAMENS.get(examOfEpreuve[epreuve]);
    }

    /** Indexes of the épreuves of an exam of one kind ({@link Catalog#ECRIT}...); do not modify. */
    int[] epreuves(int exam, int kind) {
        return epreuvesByExamAndKind[exam][kind];
    }

    int firstSessionYear() {
        return firstSessionYear;
    }

    /** Sessions are loaded exam by exam, year by year: see {@link ReferenceDataGenerator}. */
    static long sessionId(int exam, int year, int firstSessionYear) {
        return (long) exam * DemoCalendar.SESSION_YEARS + (year - firstSessionYear) + 1;
    }

    long sessionId(int exam, int year) {
        return sessionId(exam, year, firstSessionYear);
    }
}
