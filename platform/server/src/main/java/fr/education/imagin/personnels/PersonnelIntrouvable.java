package fr.education.imagin.personnels;

import fr.education.imagin.core.web.PageException;

/**
 * The 404 of every screen about one person of the establishment (consultation, indisponibilités,
 * compétences) when the person does not work there or is not known: the same words everywhere,
 * and never a hint of whether someone exists elsewhere.
 */
public final class PersonnelIntrouvable {

    private PersonnelIntrouvable() {
    }

    public static PageException page() {
        return new PageException(404, "Personnel introuvable",
                "Cette personne n'exerce pas dans votre établissement, ou n'est plus connue d'IMAG'IN.");
    }
}
