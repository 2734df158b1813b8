package fr.education.imagin.plugin.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a registration import (Cyclades, after registrations): how many candidates of a
 * kind are registered for an épreuve-option, where their copies are digitised and where the
 * épreuve takes place. The platform parses and validates the file (format in
 * {@code plugins/README.md}) before any generator sees a row.
 *
 * @param line               line number in the imported file, for messages
 * @param examen             exam code, e.g. {@code 470}
 * @param session            session year, e.g. 2021
 * @param specialite         spécialité code, e.g. {@code BCG}
 * @param libelleSpecialite  its label
 * @param epreuve            épreuve-option code, e.g. {@code C001A} or {@code T012B}
 * @param libelleEpreuve     its label, e.g. "Histoire-géographie 1ère éval"
 * @param nature             written, oral or practical
 * @param cadre              the framework Cyclades gives the épreuve: {@code EC} (évaluations
 *                           communes), {@code ECE} (compétences expérimentales) or empty
 * @param typeCandidat       school or individual candidates
 * @param candidats          number of candidates, at least 1
 * @param centreNumerisation UAI of the establishment where the candidates are registered and
 *                           their copies digitised
 * @param centreEpreuve      UAI of the centre where the épreuve takes place
 * @param centreSantorin     UAI of the centre where coordinators are convened, when given
 * @param premierJour        first day of the épreuve
 * @param dernierJour        last day of the épreuve
 * @param affectationTerminee whether Cyclades finished assigning these candidates to the épreuve
 */
public record Inscription(int line, String examen, int session, String specialite, String libelleSpecialite,
                          String epreuve, String libelleEpreuve, Nature nature, String cadre,
                          TypeCandidat typeCandidat, int candidats, String centreNumerisation,
                          String centreEpreuve, Optional<String> centreSantorin, LocalDate premierJour,
                          LocalDate dernierJour, boolean affectationTerminee) {

    /** Written, oral or practical épreuve. */
    public enum Nature { ECRIT, ORAL, PRATIQUE }

    /** School candidates (scolaires) or individual candidates (individuels). */
    public enum TypeCandidat { SCOLAIRE, INDIVIDUEL }

    public Inscription {
        Objects.requireNonNull(examen, "examen");
        Objects.requireNonNull(specialite, "specialite");
        Objects.requireNonNull(epreuve, "epreuve");
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(typeCandidat, "typeCandidat");
        Objects.requireNonNull(centreNumerisation, "centreNumerisation");
        Objects.requireNonNull(centreEpreuve, "centreEpreuve");
        Objects.requireNonNull(centreSantorin, "centreSantorin");
        Objects.requireNonNull(premierJour, "premierJour");
        Objects.requireNonNull(dernierJour, "dernierJour");
        cadre = cadre == null ? "" : cadre;
        libelleSpecialite = libelleSpecialite == null ? "" : libelleSpecialite;
        libelleEpreuve = libelleEpreuve == null ? "" : libelleEpreuve;
        if (candidats < 1) {
            throw new IllegalArgumentException("Line " + line + ": at least one candidate expected");
        }
        if (dernierJour.isBefore(premierJour)) {
            throw new IllegalArgumentException("Line " + line + ": last day before first day");
        }
    }
}
