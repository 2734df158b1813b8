package fr.education.imagin.plugin.api;

/** The period of an exam session an indemnity is entered for (SPEC ICC-2). */
public enum IccPeriode {
    NORMALE("Session normale"),
    REMPLACEMENT("Epreuves de remplacement");

    private final String libelle;

    IccPeriode(String libelle) {
        this.libelle = libelle;
    }

    /** The label of the "Choix de la période" list. */
    public String libelle() {
        return libelle;
    }
}
