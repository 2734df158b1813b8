package fr.education.imagin.competences;

import fr.education.imagin.core.list.Column;
import fr.education.imagin.core.list.ListDefinition;

import java.util.List;

/** COMP-1: the staff of the establishment (principal or secondary workplace), with "Compétences définies". */
final class CompetencesList {

    static final ListDefinition DEFINITION = ListDefinition.builder("competences", "Liste des personnels")
            .from("personnel p join lieu_exercice le on le.personnel_id = p.id and le.uai = $1",
                    ctx -> List.of(CompetencesActivity.uai(ctx)))
            .id("p.id")
            .column(Column.text("nom", "Nom", "p.nom"))
            .column(Column.text("prenom", "Prénom", "p.prenom"))
            .column(Column.text("discipline", "Discipline de poste", "p.discipline_poste"))
            .column(Column.text("definies", "Compétences définies", """
                    case when exists (select 1 from competence_auteur ca where ca.personnel_id = p.id)
                         then 'OUI' else 'NON' end"""))
            .sortedBy("nom")
            .rowsOpenDetail()
            .emptyMessage("Aucun personnel ne correspond à la recherche.")
            .exportsLabel("Télécharger les personnels et leurs compétences définies")
            .build();

    private CompetencesList() {
    }
}
