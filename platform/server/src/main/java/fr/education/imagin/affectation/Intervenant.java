package fr.education.imagin.affectation;

import java.util.BitSet;
import java.util.Optional;
import java.util.Set;

/**
 * A person the automatic affectation may place (a problem fact of {@link PlanAffectation}): what
 * the constraints read of them, loaded once per run by {@link PlanLoader}. Equal by id: the
 * solver compares people on every move, so equality must not walk the sets.
 */
public final class Intervenant {

    private final long id;
    private final String nom;
    private final String prenom;
    private final String etablissement;
    private final Position position;
    private final Set<Long> competences;
    private final BitSet occupe;
    private final int charge;

    /**
     * @param etablissement the UAI of the principal workplace, "" when none
     * @param position      where that workplace is, null when unknown
     * @param competences   the épreuve-options the person is competent for (a (C) author and no (I))
     * @param occupe        the days (counted from the plan's first day) already taken: an
     *                      unavailability, an affectation or convocation here, or a convocation of
     *                      another académie (which reaches us as an unavailability, INDISPO-4)
     * @param charge        the affectations the person already has in the session's year
     */
    public Intervenant(long id, String nom, String prenom, String etablissement, Position position, Set<Long> competences,
                       BitSet occupe, int charge) {
        this.id = id;
        this.nom = nom;
        this.prenom = prenom;
        this.etablissement = etablissement;
        this.position = position;
        this.competences = competences;
        this.occupe = occupe;
        this.charge = charge;
    }

    public long id() {
        return id;
    }

    public String nom() {
        return nom;
    }

    public String prenom() {
        return prenom;
    }

    public String etablissement() {
        return etablissement;
    }

    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }

    public int charge() {
        return charge;
    }

    /** Competent for the épreuve-option; a mission without one (numérisation, jury) asks no compétence. */
    public boolean competent(Long epreuveOption) {
        return epreuveOption == null || competences.contains(epreuveOption);
    }

    /** Free on every one of these days. */
    public boolean disponible(BitSet jours) {
        return !occupe.intersects(jours);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Intervenant other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return nom + " " + prenom + " (" + id + ")";
    }
}
