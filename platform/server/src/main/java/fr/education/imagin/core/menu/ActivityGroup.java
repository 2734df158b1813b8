package fr.education.imagin.core.menu;

/** The two groups of the left menu (SH-3). */
public enum ActivityGroup {
    ETABLISSEMENT("Etablissement"),
    /** Shown only when the establishment is an exam centre of the académie. */
    CENTRE_EXAMEN("Centre Examen");

    private final String libelle;

    ActivityGroup(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
