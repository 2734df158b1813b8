package fr.education.imagin.avancement;

import fr.education.imagin.core.list.ChoiceFilter;
import fr.education.imagin.core.list.Column;
import fr.education.imagin.core.list.ExportYears;
import fr.education.imagin.core.list.ListDefinition;
import fr.education.imagin.core.menu.WorkContext;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.function.Function;

/**
 * "Avancement de l'affectation" (AVANC-1) as a list: per session year, exam, épreuve-option and
 * centre, the missions, the intervenants they need (as the office set it), and how many are
 * designated, convened and constatés (service fait). Three scopes: the academy office (every
 * mission), a chef de centre (the centre's missions) and a chef d'établissement (the missions of
 * the establishment's staff, counting only them; a mission's need is then not theirs to read).
 */
final class AvancementList {

    /** The statuses of a convened affectation (by the académie or by the centre). */
    static final String CONVOQUEE = "('CONVOQUEE', 'CONVOQUEE_PAR_CENTRE')";

    /**
     * The missions {@code m} ({@code %2$s}) that {@code %3$s} keeps, grouped per session year, exam,
     * épreuve-option and centre, with the columns {@code %1$s} adds per group. The outer filters on
     * {@code g.annee} and {@code g.examen_code} are on grouping columns: PostgreSQL pushes them down
     * to {@code s}, so only the chosen years' missions are read.
     */
    private static final String GROUPED = """
            (select s.annee, x.code as examen_code, x.code || ', ' || x.sigle || ' - ' || x.libelle as examen,
                    coalesce(eo.code || ', ' || eo.libelle, 'Missions de la session') as epreuve, coalesce(eo.id, 0) as eo_id,
                    ce.uai as centre_uai, ce.uai || ' - ' || ce.nom as centre,
                    count(*) as missions, sum(m.intervenants_requis) as requis,
                    count(*) filter (where m.intervenants_requis is null) as sans_besoin, %1$s
             from %2$s
             join session_examen s on s.id = m.session_id
             join examen x on x.code = s.examen_code
             join etablissement ce on ce.uai = m.centre_uai
             left join epreuve_option eo on eo.id = m.epreuve_option_id
             where %3$s
             group by s.annee, x.code, x.sigle, x.libelle, eo.id, eo.code, eo.libelle, ce.uai, ce.nom) g""";

    /**
     * A group's affectations counted, those {@code %s} keeps. As scalar subqueries of the select
     * list, PostgreSQL evaluates them after the sort and the limit, for the page's rows only, where a
     * join counted every affectation of the year's missions (it still does when the list is sorted
     * or searched on them).
     */
    private static final String GROUP_COUNT = "(select count(*) from affectation a %s where a.mission_id = any(g.mission_ids)%s)";

    /** A group's designated, convened and constatés, for the office and the centre (every affectation). */
    private static final Counts ALL = new Counts(GROUP_COUNT.formatted("", ""),
            GROUP_COUNT.formatted("", " and a.statut in " + CONVOQUEE),
            GROUP_COUNT.formatted("join service_fait sf on sf.affectation_id = a.id", " and sf.fait"));

    /**
     * The missions where people whose principal workplace is the establishment {@code $1} are
     * designated, with their affectations counted: read from the establishment's staff (a few
     * hundred affectations), where probing the workplace of everyone designated on every mission of
     * the year read them all.
     */
    private static final String STAFF_MISSIONS = """
            (select m.id, m.session_id, m.centre_uai, m.epreuve_option_id, m.intervenants_requis, count(*) as designes,
                    count(*) filter (where a.statut in %s) as convoques,
                    count(sf.affectation_id) filter (where sf.fait) as constates
             from lieu_exercice le
             join affectation a on a.personnel_id = le.personnel_id
             join mission m on m.id = a.mission_id
             left join service_fait sf on sf.affectation_id = a.id
             where le.uai = $1 and le.principal
             group by m.id) m""".formatted(CONVOQUEE);

    private static final Function<RoutingContext, List<Object>> NO_SCOPE = ctx -> List.of();
    private static final Function<RoutingContext, List<Object>> ESTABLISHMENT = ctx -> List.of(WorkContext.establishment(ctx).uai());

    static final ListDefinition OFFICE = builder(GROUPED.formatted("array_agg(m.id) as mission_ids", "mission m", "true"), ALL, NO_SCOPE,
            "exists (select 1 from session_examen s join mission m on m.session_id = s.id where s.examen_code = x.code)",
            "Aucune mission de l'académie pour ces années et ces examens.", true);

    static final ListDefinition CENTRE = builder(GROUPED.formatted("array_agg(m.id) as mission_ids", "mission m", "m.centre_uai = $1"), ALL,
            ESTABLISHMENT,
            "exists (select 1 from session_examen s join mission m on m.session_id = s.id where s.examen_code = x.code and m.centre_uai = $1)",
            "Aucune mission de votre centre pour ces années et ces examens.", true);

    static final ListDefinition ETABLISSEMENT = builder(GROUPED.formatted(
                    "sum(m.designes) as designes, sum(m.convoques) as convoques, sum(m.constates) as constates", STAFF_MISSIONS, "true"),
            new Counts("g.designes", "g.convoques", "g.constates"), ESTABLISHMENT,
            """
            x.code in (select s.examen_code from lieu_exercice le join affectation a on a.personnel_id = le.personnel_id
                       join mission m on m.id = a.mission_id join session_examen s on s.id = m.session_id
                       where le.uai = $1 and le.principal)""",
            "Aucun personnel de votre établissement n'est désigné sur une mission de ces années et de ces examens.", false);

    /** The SQL of a group's designated, convened and constatés. */
    private record Counts(String designes, String convoques, String constates) {
    }

    private static ListDefinition builder(String from, Counts counts, Function<RoutingContext, List<Object>> scope,
                                          String examensProposes, String vide, boolean besoins) {
        ListDefinition.Builder list = ListDefinition.builder("avancement", "Avancement de l'affectation")
                .from(from, scope)
                .id("g.annee || '-' || g.examen_code || '-' || g.eo_id || '-' || g.centre_uai")
                .column(Column.text("annee", "Session", "g.annee::text"))
                .column(Column.text("examen", "Examen", "g.examen"))
                .column(Column.text("epreuve", "Epreuve-option", "g.epreuve"))
                .column(Column.text("centre", "Centre", "g.centre"))
                .column(Column.integer("missions", "Missions", "g.missions"));
        if (besoins) {
            // Needs not set on some missions are said, not counted as zero.
            list.column(Column.text("requis", "Requis", """
                    coalesce(g.requis::text, '') || case when g.sans_besoin > 0
                        then case when g.requis is null then 'non fixé' else ' (+ ' || g.sans_besoin || ' non fixé'
                             || case when g.sans_besoin > 1 then 's' else '' end || ')' end else '' end"""));
        }
        list.column(Column.integer("designes", "Désignés", counts.designes()))
                .column(Column.integer("convoques", "Convoqués", counts.convoques()))
                .column(Column.integer("constates", "Constatés", counts.constates()));
        if (besoins) {
            list.column(Column.text("taux", "Convoqués / requis",
                    "case when g.requis > 0 then round(100.0 * " + counts.convoques() + " / g.requis) || ' %' else '' end"));
        }
        return list.filter(ExportYears.filter("g.annee", "Années de session d'examen ; sans choix, l'année en cours."))
                .filter(ChoiceFilter.fromData("examen", "Examen", """
                                select x.code as value, x.code || ', ' || x.sigle || ' - ' || x.libelle as libelle
                                from examen x where %s order by x.code""".formatted(examensProposes),
                        "g.examen_code = any(:choix)",
                        "L'examen « %s » n'est pas proposé : choisissez parmi les examens affichés."))
                .filterButton("Afficher l'avancement")
                .sortedBy("examen")
                .emptyMessage(vide)
                .exportsLabel("Télécharger l'avancement")
                .build();
    }

    private AvancementList() {
    }
}
