package fr.education.imagin.missions;

import fr.education.imagin.core.list.ChoiceFilter;
import fr.education.imagin.core.list.Column;
import fr.education.imagin.core.list.ExportAction;
import fr.education.imagin.core.list.ExportYears;
import fr.education.imagin.core.list.ListDefinition;

import java.util.List;

/**
 * The list of "Consultation des missions" (MIS-1, MIS-2): the missions held in the user's exam
 * centre that have at least one convened intervenant, with how many, filtered by session years
 * and by exams.
 */
final class MissionsList {

    /** The statuses of a convened affectation, as SQL. */
    static final String CONVOQUEE = "('CONVOQUEE', 'CONVOQUEE_PAR_CENTRE')";

    static final String DETAILS = "details";

    static final ListDefinition DEFINITION = ListDefinition.builder("missions", "Liste des missions")
            .from("""
                    (select * from mission where centre_uai = $1) m
                    join session_examen s on s.id = m.session_id
                    join examen x on x.code = s.examen_code
                    join type_mission t on t.code = m.type_code
                    left join epreuve_option eo on eo.id = m.epreuve_option_id
                    left join specialite sp on sp.id = eo.specialite_id
                    join lateral (
                        select count(*) as nb from affectation a
                        where a.mission_id = m.id and a.statut in %s) conv on conv.nb > 0""".formatted(CONVOQUEE),
                    ctx -> List.of(MissionsActivity.uai(ctx)))
            .id("m.id")
            .column(Column.numero("numero", "N°", "m.numero"))
            .column(Column.text("session", "Session examen", MissionService.SESSION))
            .column(Column.text("specialite", "Spécialité", MissionService.SPECIALITE))
            .column(Column.text("epreuve", "Epreuve-option", MissionService.EPREUVE))
            .column(Column.text("type", "Type de mission", "t.libelle"))
            .column(Column.date("debut", "Début", "m.date_debut"))
            .column(Column.integer("intervenants", "Nbr. itv.", "conv.nb"))
            // Guide §4.1.1: only the current year - 3 to + 1; the current one until the user chooses.
            .filter(ExportYears.filter("s.annee", "Années de session d'examen ; sans choix, l'année en cours."))
            // Only the exams of the missions listed here.
            .filter(ChoiceFilter.fromData("examen", "Examen", """
                            select x.code as value, x.code || ', ' || x.sigle || ' - ' || x.libelle as libelle
                            from examen x
                            where exists (select 1 from mission m join session_examen s on s.id = m.session_id
                                          where s.examen_code = x.code and m.centre_uai = $1
                                            and exists (select 1 from affectation a
                                                        where a.mission_id = m.id and a.statut in %s))
                            order by x.code""".formatted(CONVOQUEE),
                    "x.code = any(:choix)",
                    "L'examen « %s » n'est pas proposé : choisissez parmi les examens des missions de votre centre."))
            .filterButton("Filtrer missions")
            .sortedBy("numero")
            .rowsOpenDetail()
            .emptyMessage("Aucune mission avec des intervenants convoqués ne correspond à la recherche.")
            .exportsLabel("Télécharger la liste des missions")
            .moreExports("Télécharger les missions et leurs intervenants convoqués",
                    ExportAction.pdf(DETAILS + ".pdf").named("Détails (PDF)"))
            .build();

    private MissionsList() {
    }
}
