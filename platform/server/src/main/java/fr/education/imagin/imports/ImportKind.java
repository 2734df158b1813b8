package fr.education.imagin.imports;

/** The files the academy office imports, each with its page under {@code /<tenant>/administration/imports/}. */
public enum ImportKind {
    INSCRIPTIONS("inscriptions", "Import des inscriptions et des centres (Cyclades)",
            "inscriptions et centres", new String[] {"mission créée", "missions créées"}, new String[] {"mise à jour", "mises à jour"}),
    PERSONNELS("personnels", "Import des personnels et de leurs lieux d'exercice (EPP)",
            "personnels et lieux d'exercice", new String[] {"personnel créé", "personnels créés"}, new String[] {"mis à jour", "mis à jour"}),
    REGLEMENTATION("reglementation", "Import de la réglementation des examens (OCEAN / Cyclades)",
            "réglementations des examens", new String[] {"création", "créations"}, new String[] {"mise à jour", "mises à jour"}),
    /** A person's teachings are replaced, never updated: the report counts those created and deleted. */
    ENSEIGNEMENTS("enseignements", "Import des enseignements des personnels (STS-WEB)", "enseignements",
            new String[] {"enseignement créé", "enseignements créés"}, null, new String[] {"supprimé", "supprimés"});

    private final String chemin;
    private final String titre;
    private final String objet;
    private final String[] crees;
    /** Null when the kind updates nothing (its records are replaced). */
    private final String[] misAJour;
    /** Null when the kind deletes nothing. */
    private final String[] supprimes;

    ImportKind(String chemin, String titre, String objet, String[] crees, String[] misAJour) {
        this(chemin, titre, objet, crees, misAJour, null);
    }

    ImportKind(String chemin, String titre, String objet, String[] crees, String[] misAJour, String[] supprimes) {
        this.chemin = chemin;
        this.titre = titre;
        this.objet = objet;
        this.crees = crees;
        this.misAJour = misAJour;
        this.supprimes = supprimes;
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

    /** Whether a run of this kind may update records (the report's "Mises à jour"). */
    public boolean metAJour() {
        return misAJour != null;
    }

    /** Whether a run of this kind may delete records (the report's "Suppressions"). */
    public boolean supprime() {
        return supprimes != null;
    }

    /**
     * What a run changed, agreed as French counts are (0 and 1 singular): "2 missions créées, 0 mise
     * à jour", "3 enseignements créés, 1 supprimé".
     */
    public String bilan(int created, int updated, int deleted) {
        StringBuilder bilan = new StringBuilder().append(created).append(' ').append(crees[created > 1 ? 1 : 0]);
        if (misAJour != null) {
            bilan.append(", ").append(updated).append(' ').append(misAJour[updated > 1 ? 1 : 0]);
        }
        if (supprimes != null) {
            bilan.append(", ").append(deleted).append(' ').append(supprimes[deleted > 1 ? 1 : 0]);
        }
        return bilan.toString();
    }

    public String bilan(ImportReport report) {
        return bilan(report.totalCrees(), report.totalMisAJour(), report.totalSupprimes());
    }
}
