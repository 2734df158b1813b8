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

    /** A mission {@code m}'s affectations counted, those {@code %s} keeps: designated, convened, constatés. */
    private static final String COUNTS = """
            left join lateral (
                select count(*) as designes,
                       count(*) filter (where a.statut in ('CONVOQUEE', 'CONVOQUEE_PAR_CENTRE')) as convoques,
                       count(sf.affectation_id) filter (where sf.fait) as constates
                from affectation a left join service_fait sf on sf.affectation_id = a.id
                where a.mission_id = m.id %s) nb on true""";

    /** Every affectation of the mission. */
    static final String ALL_COUNTS = COUNTS.formatted("");

    /** Only the affectations of people whose principal workplace is the establishment {@code $1}. */
    private static final String STAFF = """
            and exists (select 1 from lieu_exercice le where le.personnel_id = a.personnel_id and le.principal and le.uai = $1)""";

    private static final String GROUPED = """
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
             where %s
             group by s.annee, x.code, x.sigle, x.libelle, eo.id, eo.code, eo.libelle, ce.uai, ce.nom) g""";

    private static final Function<RoutingContext, List<Object>> NO_SCOPE = ctx -> List.of();
    private static final Function<RoutingContext, List<Object>> ESTABLISHMENT = ctx -> List.of(WorkContext.establishment(ctx).uai());

    static final ListDefinition OFFICE = builder(GROUPED.formatted(ALL_COUNTS, "true"), NO_SCOPE,
            "exists (select 1 from session_examen s join mission m on m.session_id = s.id where s.examen_code = x.code)",
            "Aucune mission de l'académie pour ces années et ces examens.", true);

    static final ListDefinition CENTRE = builder(GROUPED.formatted(ALL_COUNTS, "m.centre_uai = $1"), ESTABLISHMENT,
            "exists (select 1 from session_examen s join mission m on m.session_id = s.id where s.examen_code = x.code and m.centre_uai = $1)",
            "Aucune mission de votre centre pour ces années et ces examens.", true);

    static final ListDefinition ETABLISSEMENT = builder(GROUPED.formatted(COUNTS.formatted(STAFF), "nb.designes > 0"), ESTABLISHMENT,
            """
            exists (select 1 from session_examen s join mission m on m.session_id = s.id join affectation a on a.mission_id = m.id
                    where s.examen_code = x.code %s)""".formatted(STAFF),
            "Aucun personnel de votre établissement n'est désigné sur une mission de ces années et de ces examens.", false);

    private static ListDefinition builder(String from, Function<RoutingContext, List<Object>> scope, String examensProposes,
                                          String vide, boolean besoins) {
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
        list.column(Column.integer("designes", "Désignés", "g.designes"))
                .column(Column.integer("convoques", "Convoqués", "g.convoques"))
                .column(Column.integer("constates", "Constatés", "g.constates"));
        if (besoins) {
            list.column(Column.text("taux", "Convoqués / requis",
                    "case when g.requis > 0 then round(100.0 * g.convoques / g.requis) || ' %' else '' end"));
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
