package fr.education.imagin.affectation;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * What a good affectation is (issue #15). Hard: the person is competent, free, and not placed
 * twice at the same time nor twice on a mission. Medium: every place is filled (each mission's
 * and each commission's examiner count), as far as the people allow. Soft: short distances from
 * workplace to centre, and the load spread fairly across people (counting what they already
 * have this year) and across establishments.
 */
public final class AffectationConstraints implements ConstraintProvider {

    /** What one unit of a squared load weighs, in kilometres. */
    static final long EQUITE_PERSONNES = 50;
    static final long EQUITE_ETABLISSEMENTS = 2;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[]{
                competence(factory), disponibilite(factory), doubleAffectation(factory), placesVides(factory),
                distance(factory), equitePersonnes(factory), equiteEtablissements(factory)};
    }

    Constraint competence(ConstraintFactory factory) {
        return factory.forEach(Poste.class)
                .filter(p -> !p.getIntervenant().competent(p.getEpreuveOption()))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("Compétence");
    }

    Constraint disponibilite(ConstraintFactory factory) {
        return factory.forEach(Poste.class)
                .filter(p -> !p.getIntervenant().disponible(p.getJours()))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("Disponibilité");
    }

    Constraint doubleAffectation(ConstraintFactory factory) {
        return factory.forEachUniquePair(Poste.class, Joiners.equal(Poste::getIntervenant))
                .filter(Poste::chevauche)
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("Double affectation");
    }

    Constraint placesVides(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Poste.class)
                .filter(p -> p.getIntervenant() == null)
                .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
                .asConstraint("Place non pourvue");
    }

    Constraint distance(ConstraintFactory factory) {
        return factory.forEach(Poste.class)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, p -> p.distanceKm(p.getIntervenant()))
                .asConstraint("Distance");
    }

    /**
     * Sum of squares of each person's load (what they had this year plus what the plan gives):
     * the second place of one person costs more than a first place of another.
     */
    Constraint equitePersonnes(ConstraintFactory factory) {
        return factory.forEach(Poste.class)
                .groupBy(Poste::getIntervenant, ConstraintCollectors.count())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (person, n) -> EQUITE_PERSONNES * carreAjoute(person.charge(), n))
                .asConstraint("Équité entre personnes");
    }

    /** Likewise per establishment: no establishment emptied of its teachers while others give none. */
    Constraint equiteEtablissements(ConstraintFactory factory) {
        return factory.forEach(Poste.class)
                .groupBy(Poste::etablissementIntervenant, ConstraintCollectors.count())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (etablissement, n) -> EQUITE_ETABLISSEMENTS * (long) n * n)
                .asConstraint("Équité entre établissements");
    }

    /** How much {@code added} places raise the square of a load that was {@code before}. */
    static long carreAjoute(int before, int added) {
        long after = (long) before + added;
        return after * after - (long) before * before;
    }
}
