package fr.education.imagin.servicefait;

import fr.education.imagin.core.list.Column;
import fr.education.imagin.core.list.ExportYears;
import fr.education.imagin.core.list.ListDefinition;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.missions.MissionService;

import java.util.List;

/**
 * The list of "Constat service fait" (CSF-1, CSF-2): the missions held in the centre, except the
 * types whose service fait the centre does not record (dematerialised correction, a plugin rule)
 * and the concours and DCS exams; each with its state, computed when the list is asked for.
 */
final class ServiceFaitList {

    private ServiceFaitList() {
    }

    static ListDefinition definition(ServiceFaitService service) {
        return ListDefinition.builder("service-fait", "Liste des missions")
                .from("""
                        mission m
                        join type_mission t on t.code = m.type_code and m.centre_uai = $1 and m.type_code <> all($2::text[])
                        join session_examen s on s.id = m.session_id
                        join examen x on x.code = s.examen_code and """ + ServiceFaitService.FAMILLES_EXCLUES + """

                        left join epreuve_option eo on eo.id = m.epreuve_option_id
                        left join specialite sp on sp.id = eo.specialite_id
                        cross join lateral (select """ + ServiceFaitService.etatSql("$3::date") + """
                         as code) etat""",
                        ctx -> List.of(WorkContext.establishment(ctx).uai(),
                                service.typesExclus(TenantHandler.current(ctx)), ServiceFaitService.today()))
                .id("m.id")
                .column(Column.numero("numero", "N°", "m.numero"))
                .column(Column.text("session", "Session examen", "s.libelle"))
                .column(Column.text("specialite", "Spécialité", "coalesce(" + MissionService.SPECIALITE + ", '')"))
                .column(Column.text("epreuve", "Epreuve-option", "coalesce(" + MissionService.EPREUVE + ", '')"))
                .column(Column.text("type", "Type de mission", "t.libelle"))
                .column(Column.date("debut", "Date début", "m.date_debut"))
                .column(Column.text("etat", "Etat", """
                        case etat.code when 'NON_EFFECTUEE' then 'Mission non effectuée'
                                       when 'COMMENCEE' then 'Mission commencée'
                                       when 'EFFECTUEE' then 'Mission effectuée'
                                       else 'Mission constatée' end"""))
                // Guide §4.3.1: the current year until the user chooses (current - 3 … + 1 offered).
                .filter(ExportYears.filter("extract(year from m.date_debut)::int", "Année de début des missions ; sans choix, l'année en cours."))
                .filter(new MasquerFilter())
                .filterButton("Filtrer missions")
                .sortedBy("debut")
                .rowsOpenDetail()
                .emptyMessage("Aucune mission de votre centre ne correspond à ces critères pour le constat de service fait.")
                .exportsLabel("Télécharger liste")
                .build();
    }
}
