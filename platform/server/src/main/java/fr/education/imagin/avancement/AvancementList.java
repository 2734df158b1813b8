package fr.education.imagin.avancement;

import fr.education.imagin.core.list.ChoiceFilter;
import fr.education.imagin.core.list.Column;
import fr.education.imagin.core.list.ExportYears;
import fr.education.imagin.core.list.ListDefinition;

import java.util.List;

/**
 * "Avancement de l'affectation" (AVANC-1) as a list: per session year, exam, épreuve-option and
 * centre, the missions, the intervenants they need (as the office set it), and how many are
 * designated, convened and constatés (service fait).
 */
final class AvancementList {

    /** One mission's counts: designated (any statut), convened, and service fait constaté. */
    static final String COUNTS = """
            left join lateral (
                select count(*) as designes,
                       count(*) filter (where a.statut in ('CONVOQUEE', 'CONVOQUEE_PAR_CENTRE')) as convoques,
                       count(sf.affectation_id) filter (where sf.fait) as constates
                from affectation a left join service_fait sf on sf.affectation_id = a.id
                where a.mission_id = m.id) nb on true""";

    static final ListDefinition DEFINITION = ListDefinition.builder("avancement", "Avancement de l'affectation")
            .from("""
                    (select s.annee, x.code as examen_code, x.code || ', ' || x.sigle || ' - ' || x.libelle as examen,
                            coalesce(eo.code || ', ' || eo.libelle, 'Missions de la session') as epreuve, coalesce(eo.id, 0) as eo_id,
                            ce.uai as centre_uai, ce.uai || ' - ' || ce.nom as centre,
                            count(*) as missions, sum(m.intervenants_requis) as requis,
                            count(*) filter (where m.intervenants_requis is null) as sans_besoin,
                            sum(nb.designes) as designes, sum(nb.convoques) as convoques, sum(nb.constates) as constates
                     from mission m
                     join session_examen s on s.id = m.session_id
                     join examen x on x.code = s.examen_code
                     join etablissement ce on ce.uai = m.centre_uai
                     left join epreuve_option eo on eo.id = m.epreuve_option_id
                     %s
                     group by s.annee, x.code, x.sigle, x.libelle, eo.id, eo.code, eo.libelle, ce.uai, ce.nom) g""".formatted(COUNTS),
                    ctx -> List.of())
            .id("g.annee || '-' || g.examen_code || '-' || g.eo_id || '-' || g.centre_uai")
            .column(Column.text("annee", "Session", "g.annee::text"))
            .column(Column.text("examen", "Examen", "g.examen"))
            .column(Column.text("epreuve", "Epreuve-option", "g.epreuve"))
            .column(Column.text("centre", "Centre", "g.centre"))
            .column(Column.integer("missions", "Missions", "g.missions"))
            // Needs not set on some missions are said, not counted as zero.
            .column(Column.text("requis", "Requis", """
                    coalesce(g.requis::text, '') || case when g.sans_besoin > 0
                        then case when g.requis is null then 'non fixé' else ' (+ ' || g.sans_besoin || ' non fixé'
                             || case when g.sans_besoin > 1 then 's' else '' end || ')' end else '' end"""))
            .column(Column.integer("designes", "Désignés", "g.designes"))
            .column(Column.integer("convoques", "Convoqués", "g.convoques"))
            .column(Column.integer("constates", "Constatés", "g.constates"))
            .column(Column.text("taux", "Convoqués / requis",
                    "case when g.requis > 0 then round(100.0 * g.convoques / g.requis) || ' %' else '' end"))
            .filter(ExportYears.filter("g.annee", "Années de session d'examen ; sans choix, l'année en cours."))
            .filter(ChoiceFilter.fromData("examen", "Examen", """
                            select x.code as value, x.code || ', ' || x.sigle || ' - ' || x.libelle as libelle
                            from examen x
                            where exists (select 1 from session_examen s join mission m on m.session_id = s.id
                                          where s.examen_code = x.code)
                            order by x.code""",
                    "g.examen_code = any(:choix)",
                    "L'examen « %s » n'est pas proposé : choisissez parmi les examens des missions de l'académie."))
            .filterButton("Afficher l'avancement")
            .sortedBy("examen")
            .emptyMessage("Aucune mission de l'académie pour ces années et ces examens.")
            .exportsLabel("Télécharger l'avancement")
            .build();

    private AvancementList() {
    }
}
