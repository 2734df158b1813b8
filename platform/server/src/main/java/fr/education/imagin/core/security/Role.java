package fr.education.imagin.core.security;

/** The actors of the platform (SPEC §0). */
public enum Role {
    NATIONAL_ADMIN("Administrateur national"),
    GESTIONNAIRE("Gestionnaire académique"),
    CHEF_ETABLISSEMENT("Chef d'établissement"),
    ENSEIGNANT("Enseignant");

    private final String libelle;

    Role(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
