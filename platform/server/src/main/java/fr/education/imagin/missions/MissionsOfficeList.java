package fr.education.imagin.missions;

import fr.education.imagin.core.list.ChoiceFilter;
import fr.education.imagin.core.list.Column;
import fr.education.imagin.core.list.ExportYears;
import fr.education.imagin.core.list.ListDefinition;

import java.util.List;

/**
 * "Missions de l'académie", the academy office's list (GEST-1): every mission of the académie,
 * convened or not, with its centre, dates, expected candidates, how many people are designated
 * and convened, and whether establishments convene to it (CONV-1); filtered by session year,
 * exam, mission type and centre.
 */
final class MissionsOfficeList {

    /*
     * A mission's designated and convened, as scalar subqueries of the select list rather than a
     * lateral join: PostgreSQL evaluates them after the sort and the limit, for the page's hundred
     * missions only, where the join counted the affectations of every mission of the year (still so
     * when the list is sorted or searched on them).
     */
    private static final String AFFECTEES = "(select count(*) from affectation a where a.mission_id = m.id)";
    private static final String CONVOQUEES = "(select count(*) from affectation a where a.mission_id = m.id and a.statut in "
            + MissionsList.CONVOQUEE + ")";

    static final ListDefinition DEFINITION = ListDefinition.builder("missions-academie", "Missions de l'académie")
            // Left joins on the not-null foreign keys: the same rows, and the total's count can drop
            // them (it reads mission_session_idx only, V13) while the page is read in numbers' order.
            .from("""
                    mission m
                    join session_examen s on s.id = m.session_id
                    left join examen x on x.code = s.examen_code
                    left join type_mission t on t.code = m.type_code
                    left join etablissement ce on ce.uai = m.centre_uai
                    left join epreuve_option eo on eo.id = m.epreuve_option_id
                    left join specialite sp on sp.id = eo.specialite_id""",
                    ctx -> List.of())
            .id("m.id")
            .column(Column.numero("numero", "N°", "m.numero"))
            .column(Column.text("session", "Session examen", MissionService.SESSION))
            .column(Column.text("epreuve", "Epreuve-option", "coalesce(" + MissionService.EPREUVE + ", '')"))
            .column(Column.text("type", "Type de mission", "t.libelle"))
            .column(Column.text("centre", "Centre", "ce.uai || ' - ' || ce.nom"))
            .column(Column.date("debut", "Début", "m.date_debut"))
            .column(Column.date("fin", "Fin", "m.date_fin"))
            .column(Column.integer("candidats", "Candidats", "m.candidats_attendus"))
            .column(Column.text("requis", "Requis", "coalesce(m.intervenants_requis::text, '')"))
            .column(Column.integer("affectees", "Désignés", AFFECTEES))
            .column(Column.integer("convoquees", "Convoqués", CONVOQUEES))
            .column(Column.text("etablissements", "Convocation par l'établissement",
                    "case when m.convocation_etablissement then 'Oui' else 'Non' end"))
            .filter(ExportYears.filter("s.annee", "Années de session d'examen ; sans choix, l'année en cours."))
            .filter(ChoiceFilter.fromData("examen", "Examen", """
                            select x.code as value, x.code || ', ' || x.sigle || ' - ' || x.libelle as libelle
                            from examen x
                            where exists (select 1 from session_examen s join mission m on m.session_id = s.id
                                          where s.examen_code = x.code)
                            order by x.code""",
                    "s.examen_code = any(:choix)",
                    "L'examen « %s » n'est pas proposé : choisissez parmi les examens des missions de l'académie."))
            .filter(ChoiceFilter.fromData("type", "Type de mission", """
                            select t.code as value, t.libelle as libelle from type_mission t
                            where exists (select 1 from mission m where m.type_code = t.code)
                            order by t.libelle""",
                    "m.type_code = any(:choix)",
                    "Le type de mission « %s » n'est pas proposé : choisissez parmi les types affichés."))
            .filterButton("Filtrer missions")
            .sortedBy("numero")
            .countedApart()
            .rowsOpenDetail()
            .emptyMessage("Aucune mission de l'académie ne correspond à la recherche.")
            .exportsLabel("Télécharger la liste des missions")
            .build();

    private MissionsOfficeList() {
    }
}
