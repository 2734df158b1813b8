package fr.education.imagin.demo;

import fr.education.imagin.demo.Catalog.Discipline;

/** The staff generated (id = index + 1): where they work, their discipline and NUMEN; read-only. */
final class Personnels {

    private final int[] etab;
    private final int[] secondEtab;
    private final byte[] discipline;
    private final String[] numen;

    /** Arrays indexed by person, owned from now on; {@code secondEtab} is -1 without a second workplace. */
    Personnels(int[] etab, int[] secondEtab, byte[] discipline, String[] numen) {
        this.etab = etab;
        this.secondEtab = secondEtab;
        this.discipline = discipline;
        this.numen = numen;
    }

    int count() {
        return etab.length;
    }

    /** The index of the main workplace in {@link Etablissements}. */
    int etab(int person) {
        return etab[person];
    }

    /** The index of the secondary workplace in {@link Etablissements}, -1 for none. */
    int secondEtab(int person) {
        return secondEtab[person];
    }

    /** The index of the discipline in {@link Catalog#DISCIPLINES}. */
    int disciplineIndex(int person) {
        return discipline[person];
    }

    Discipline discipline(int person) {
        return Catalog.DISCIPLINES.get(discipline[person]);
    }

    String numen(int person) {
        return numen[person];
    }
}
