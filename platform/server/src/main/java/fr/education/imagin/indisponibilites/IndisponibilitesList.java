package fr.education.imagin.indisponibilites;

import fr.education.imagin.core.list.Column;
import fr.education.imagin.core.list.ListDefinition;

import java.util.List;

/**
 * The home list of "Saisie d'indisponibilité" (INDISPO-1, guide §3.2): the staff whose principal
 * or secondary workplace is the user's establishment.
 */
final class IndisponibilitesList {

    static final ListDefinition DEFINITION = ListDefinition.builder("indisponibilites", "Liste des personnels")
            .from("personnel p join lieu_exercice le on le.personnel_id = p.id and le.uai = $1",
                    ctx -> List.of(IndisponibilitesActivity.uai(ctx)))
            .id("p.id")
            .column(Column.text("nom", "Nom", "p.nom"))
            .column(Column.text("prenom", "Prénom", "p.prenom"))
            .column(Column.date("naissance", "Date de naissance", "p.date_naissance"))
            .column(Column.text("discipline", "Discipline de poste", "p.discipline_poste"))
            .sortedBy("nom")
            .rowsOpenDetail()
            .emptyMessage("Aucun personnel ne correspond à la recherche.")
            .exportsLabel("Télécharger les personnels")
            .build();

    private IndisponibilitesList() {
    }
}
