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

    /** One unit of unfairness weighs as much as this many kilometres. */
    static final long EQUITE_PERSONNES = 100;
    static final long EQUITE_ETABLISSEMENTS = 20;

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

    Constraint equitePersonnes(ConstraintFactory factory) {
        return factory.forEach(Poste.class)
                .groupBy(ConstraintCollectors.loadBalance(Poste::getIntervenant, p -> 1L, p -> p.getIntervenant().charge()))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
                        balance -> balance.unfairness().multiply(java.math.BigDecimal.valueOf(EQUITE_PERSONNES)).longValue())
                .asConstraint("Équité entre personnes");
    }

    Constraint equiteEtablissements(ConstraintFactory factory) {
        return factory.forEach(Poste.class)
                .groupBy(ConstraintCollectors.loadBalance(p -> p.getIntervenant().etablissement()))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
                        balance -> balance.unfairness().multiply(java.math.BigDecimal.valueOf(EQUITE_ETABLISSEMENTS)).longValue())
                .asConstraint("Équité entre établissements");
    }
}
