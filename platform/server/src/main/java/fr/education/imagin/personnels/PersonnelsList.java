package fr.education.imagin.personnels;

import fr.education.imagin.core.list.Column;
import fr.education.imagin.core.list.ExportAction;
import fr.education.imagin.core.list.ListDefinition;
import fr.education.imagin.core.list.PeriodFilter;
import fr.education.imagin.core.list.PeriodFilter.Mode;

import java.util.List;

/**
 * The list of "Consultation des personnels" (PERS-1, PERS-2): the staff whose principal or
 * secondary workplace is the user's establishment, with the date their last convocation was
 * edited, filtered by a period of availability or of convocation.
 */
final class PersonnelsList {

    static final ListDefinition DEFINITION = ListDefinition.builder("personnels", "Liste des personnels")
            .from("""
                    personnel p
                    join lieu_exercice le on le.personnel_id = p.id and le.uai = $1
                    left join lateral (
                        select max(a.convoquee_le) as le
                        from affectation a
                        where a.personnel_id = p.id and a.convoquee_le is not null) derniere on true""",
                    ctx -> List.of(PersonnelsActivity.uai(ctx)))
            .id("p.id")
            .column(Column.text("nom", "Nom", "p.nom"))
            .column(Column.text("prenom", "Prénom", "p.prenom"))
            .column(Column.text("discipline", "Discipline de poste", "p.discipline_poste"))
            .column(Column.date("convocation", "Dernière convoc.", "(derniere.le at time zone 'Europe/Paris')::date"))
            .filter(new PeriodFilter("Filtrer par période", List.of(
                    // Available: no declared unavailability overlapping the days of the period.
                    new Mode("disponibilite", "de disponibilité", """
                            not exists (select 1 from indisponibilite i
                                        where i.personnel_id = p.id and i.debut < :fin + 1 and i.fin > :debut)"""),
                    // Convened: a convocation on a mission whose dates overlap the period.
                    new Mode("convocation", "de convocation", """
                            exists (select 1 from affectation a join mission m on m.id = a.mission_id
                                    where a.personnel_id = p.id and a.statut in ('CONVOQUEE', 'CONVOQUEE_PAR_CENTRE')
                                      and m.date_debut <= :fin and m.date_fin >= :debut)"""))))
            .sortedBy("nom")
            .rowsOpenDetail()
            .emptyMessage("Aucun personnel ne correspond à la recherche.")
            .exportsLabel("Télécharger les personnels")
            .moreExports("Télécharger les personnels et leurs enseignements",
                    ExportAction.csv(PersonnelExports.ENSEIGNEMENTS + ".csv"),
                    ExportAction.pdf(PersonnelExports.ENSEIGNEMENTS + ".pdf"))
            // The missions ones ask which years first (guide §3.1.2).
            .moreExports("Télécharger les personnels et leurs missions",
                    ExportAction.csv(PersonnelExports.MISSIONS + ".csv").askingYears(),
                    ExportAction.pdf(PersonnelExports.MISSIONS + ".pdf").askingYears(),
                    ExportAction.pdf(PersonnelExports.MISSIONS_DETAIL + ".pdf").named("Format PDF (Liste détaillée)").askingYears())
            .build();

    private PersonnelsList() {
    }
}
