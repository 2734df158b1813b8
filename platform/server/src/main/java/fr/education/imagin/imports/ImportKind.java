package fr.education.imagin.imports;

/** The files the academy office imports, each with its page under {@code /<tenant>/administration/imports/}. */
public enum ImportKind {
    INSCRIPTIONS("inscriptions", "Import des inscriptions et des centres (Cyclades)",
            "inscriptions et centres", new String[] {"mission créée", "missions créées"}, new String[] {"mise à jour", "mises à jour"}),
    PERSONNELS("personnels", "Import des personnels et de leurs lieux d'exercice (EPP)",
            "personnels et lieux d'exercice", new String[] {"personnel créé", "personnels créés"}, new String[] {"mis à jour", "mis à jour"}),
    REGLEMENTATION("reglementation", "Import de la réglementation des examens (OCEAN / Cyclades)",
            "réglementations des examens", new String[] {"création", "créations"}, new String[] {"mise à jour", "mises à jour"});

    private final String chemin;
    private final String titre;
    private final String objet;
    private final String[] crees;
    private final String[] misAJour;

    ImportKind(String chemin, String titre, String objet, String[] crees, String[] misAJour) {
        this.chemin = chemin;
        this.titre = titre;
        this.objet = objet;
        this.crees = crees;
        this.misAJour = misAJour;
    }

    /** The path segment of its page, e.g. {@code inscriptions}. */
    public String chemin() {
        return chemin;
    }

    public String titre() {
        return titre;
    }

    /** What the file holds, in a sentence ("Un import des … est déjà en cours"). */
    public String objet() {
        return objet;
    }

    /** What a run changed, agreed as French counts are (0 and 1 singular): "2 missions créées, 0 mise à jour". */
    public String bilan(int created, int updated) {
        return created + " " + crees[created > 1 ? 1 : 0] + ", " + updated + " " + misAJour[updated > 1 ? 1 : 0];
    }
}
