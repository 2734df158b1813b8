package fr.education.imagin.demo;

import java.util.List;

/**
 * A few teachers of académie {@code home} who are also intervenants of académie {@code host}, so
 * that convening one of them in {@code host} leaves an unavailability in {@code home} (INDISPO-4).
 * In {@code home} they are ordinary staff of its demo lycée; in {@code host} they carry
 * {@code academie_origine = home} and the same NUMEN, which is how {@code home} recognises them.
 * They are not convened anywhere by the generated data: the demo user convenes them.
 */
public record VisitingStaff(String home, String host) {

    /** One visiting teacher, the same in both académies. */
    record Person(String numen, String civilite, String nom, String prenom, String naissance, String discipline,
                  String corps, String adresse, String codePostal, String commune, String telPerso) {

        /** {@code maelle.le-bihan@ac-rennes.fr}: the professional address of the home académie. */
        String mailPro(String homeTenant) {
            return Names.fold(prenom) + "." + Names.fold(nom) + "@ac-" + homeTenant + ".fr";
        }
    }

    /**
     * Fixed NUMENs: the generated ones are drawn over ten million numbers and three random letters,
     * so these never meet one of them in a demo académie (the unique constraint would say so).
     */
    static final List<Person> PEOPLE = List.of(
            new Person("35E0172604KBR", "Mme", "Le Bihan", "Maëlle", "1978-03-14", "MATHEMATIQUES", "CERTIFIE",
                    "14 RUE DE SAINT-MALO", "35000", "RENNES", "06 12 48 90 35"),
            new Person("35E0285117GLN", "M.", "Kermarrec", "Yann", "1983-09-02", "PHYSIQUE CHIMIE", "AGREGE",
                    "3 ALLEE DES GENETS", "35510", "CESSON-SEVIGNE", "07 61 22 35 08"),
            new Person("35E0391358TRG", "Mme", "Quéré", "Soizic", "1975-11-23", "HISTOIRE GEOGRAPHIE", "CERTIFIE",
                    "27 BOULEVARD DE LA LIBERTE", "35000", "RENNES", "06 33 70 14 52"),
            new Person("35E0447923QMP", "M.", "Guillou", "Erwan", "1969-05-30", "ANGLAIS", "AGREGE",
                    "8 RUE DU CHATEAU", "35300", "FOUGERES", ""));

    public VisitingStaff {
        if (home == null || host == null || home.equals(host)) {
            throw new IllegalArgumentException("visiting staff needs two different académies: " + home + ", " + host);
        }
    }
}
