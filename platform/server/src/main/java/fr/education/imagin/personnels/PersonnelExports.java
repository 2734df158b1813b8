package fr.education.imagin.personnels;

import fr.education.imagin.core.export.CsvDownload;
import fr.education.imagin.core.format.Parsed;
import fr.education.imagin.core.list.ExportYears;
import fr.education.imagin.core.list.ListScreen;
import fr.education.imagin.core.list.RowSink;
import fr.education.imagin.core.list.SqlBuilder;
import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The PERS-3 exports beyond the list itself: the staff the user selected (same filters, keyword
 * and order as on screen) with their teachings, and with their missions of the years chosen in
 * the dialog, as CSV (streamed), PDF, and the missions' "PDF (Liste détaillée)".
 */
final class PersonnelExports {

    static final String ENSEIGNEMENTS = "enseignements";
    static final String MISSIONS = "missions";
    static final String MISSIONS_DETAIL = "missions-detail";

    static final List<String> ENSEIGNEMENTS_HEADER = List.of("Nom", "Prénom", "Discipline de poste", "Établissement",
            "Matière", "Modalité", "MEF", "Type de M.E.F.", "Structure");
    /** The guide's columns, in its order (PERS-3). */
    static final List<String> MISSIONS_HEADER = List.of("N°", "Nom", "Prénom", "Poste", "Spécialité", "Session", "Examen",
            "Spécialité Epreuve-option", "Lieu", "Dates", "Comm.", "Jury(s)", "Qualité", "Statut");

    private static final String ENSEIGNEMENTS_SQL = """
            select p.nom, p.prenom, p.discipline_poste, coalesce(e.nom, '') as etablissement,
                   coalesce(n.matiere, '') as matiere, coalesce(n.modalite, '') as modalite, coalesce(n.mef, '') as mef,
                   coalesce(n.type_mef, '') as type_mef, coalesce(n.structure, '') as structure
            from selection sel
            join personnel p on p.id = sel.id
            left join enseignement n on n.personnel_id = p.id
            left join etablissement e on e.uai = n.uai
            order by sel.rang, e.nom collate "fr-FR-x-icu", n.matiere collate "fr-FR-x-icu", n.structure""";

    /**
     * Everyone selected, with each affectation (convened or not) on a mission taking place in one
     * of the years {@code %1$s} (an int[]), even one spanning a whole chosen year; someone without
     * any comes once with null missions.
     */
    private static final String MISSIONS_SQL = """
            select p.id as personnel_id, p.civilite, p.nom, p.prenom, p.discipline_poste,
                   p.adresse, p.code_postal, p.commune, p.tel_perso, p.tel_pro,
                   origine.nom as origine, origine.uai as origine_uai,
                   m.numero, t.libelle as type, s.annee, s.libelle as session, x.sigle as examen,
                   sp.libelle as specialite, eo.code as epreuve_code, eo.libelle as epreuve,
                   ce.uai as centre_uai, ce.nom as centre, ce.commune as centre_commune,
                   m.date_debut, m.date_fin, c.code as commission, j.code as jury, a.qualite, a.statut,
                   m.observation as consigne, a.observation, cr.jours, cr.debuts, cr.fins
            from selection sel
            join personnel p on p.id = sel.id
            left join lateral (
                select e.nom, e.uai from lieu_exercice le join etablissement e on e.uai = le.uai
                where le.personnel_id = p.id order by le.principal desc, e.nom limit 1) origine on true
            left join (affectation a
                       join mission m on m.id = a.mission_id
                       join type_mission t on t.code = m.type_code
                       join session_examen s on s.id = m.session_id
                       join examen x on x.code = s.examen_code
                       join etablissement ce on ce.uai = m.centre_uai)
                   on a.personnel_id = p.id
                  and exists (select 1 from unnest(%1$s::int[]) y
                              where y between extract(year from m.date_debut) and extract(year from m.date_fin))
            left join epreuve_option eo on eo.id = m.epreuve_option_id
            left join specialite sp on sp.id = eo.specialite_id
            left join commission c on c.id = a.commission_id
            left join jury j on j.id = a.jury_id
            left join lateral (
                select array_agg(k.jour order by k.jour, k.heure_debut) as jours,
                       array_agg(k.heure_debut order by k.jour, k.heure_debut) as debuts,
                       array_agg(k.heure_fin order by k.jour, k.heure_debut) as fins
                from affectation_creneau k where k.affectation_id = a.id) cr on true
            order by sel.rang, m.date_debut, m.numero""";

    private final ListScreen list;

    PersonnelExports(ListScreen list) {
        this.list = list;
    }

    /** Beside the list at "/": {@code enseignements.csv}, {@code missions.pdf}... */
    void mount(ActivityRouter routes) {
        routes.get("/" + ENSEIGNEMENTS + ".csv").handler(this::enseignementsCsv);
        routes.get("/" + ENSEIGNEMENTS + ".pdf").handler(this::enseignementsPdf);
        routes.get("/" + MISSIONS + ".csv").handler(this::missionsCsv);
        routes.get("/" + MISSIONS + ".pdf").handler(ctx -> missionsPdf(ctx, false));
        routes.get("/" + MISSIONS_DETAIL + ".pdf").handler(ctx -> missionsPdf(ctx, true));
    }

    private void enseignementsCsv(RoutingContext ctx) {
        CsvDownload csv = list.csvDownload(ctx, "personnels-" + ENSEIGNEMENTS, ENSEIGNEMENTS_HEADER);
        list.stream(ctx, enseignementsQuery(ctx), RowSink.of(row -> csv.row(enseignementCells(row)), csv::onDrain))
                .compose(count -> csv.end())
                .onFailure(ctx::fail);
    }

    private void enseignementsPdf(RoutingContext ctx) {
        collect(ctx, enseignementsQuery(ctx), PersonnelExports::enseignementCells).compose(rows -> {
            Map<String, Object> model = list.documentModel(ctx, "Liste des personnels et leurs enseignements");
            model.put("colonnes", ENSEIGNEMENTS_HEADER);
            model.put("lignes", rows);
            return list.sendPdf(ctx, "shell/liste-pdf.ftlx", model, "personnels-" + ENSEIGNEMENTS);
        }).onFailure(ctx::fail);
    }

    private void missionsCsv(RoutingContext ctx) {
        withYears(ctx, years -> {
            CsvDownload csv = list.csvDownload(ctx, "personnels-" + MISSIONS, MISSIONS_HEADER);
            list.stream(ctx, missionsQuery(ctx, years), RowSink.of(row -> csv.row(missionCells(row)), csv::onDrain))
                    .compose(count -> csv.end())
                    .onFailure(ctx::fail);
        });
    }

    /** The missions grouped by person: a table each, or (détaillée) each one's coordinates and missions in full. */
    private void missionsPdf(RoutingContext ctx, boolean detailed) {
        withYears(ctx, years -> collect(ctx, missionsQuery(ctx, years), MissionRow::of).compose(rows -> {
            Map<String, Object> model = list.documentModel(ctx, detailed ? "Détails des missions affectées par personne"
                    : "Liste des missions affectées par personne");
            @SuppressWarnings("unchecked")
            List<String> criteria = (List<String>) model.get("criteres");
            criteria.add("Années des missions : " + years.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            model.put("personnes", byPerson(rows));
            return list.sendPdf(ctx, detailed ? "personnels/missions-detail-pdf.ftlx" : "personnels/missions-pdf.ftlx",
                    model, "personnels-" + (detailed ? MISSIONS_DETAIL : MISSIONS));
        }).onFailure(ctx::fail));
    }

    private SqlBuilder enseignementsQuery(RoutingContext ctx) {
        return list.selection(ctx).with().append(ENSEIGNEMENTS_SQL);
    }

    private SqlBuilder missionsQuery(RoutingContext ctx, List<Integer> years) {
        SqlBuilder query = list.selection(ctx).with();
        return query.append(MISSIONS_SQL.formatted(query.bind(years.toArray(Integer[]::new))));
    }

    /** Rows for a PDF, refused past the PDF limit like every list's PDF. */
    private <T> Future<List<T>> collect(RoutingContext ctx, SqlBuilder query, Function<Row, T> mapper) {
        List<T> rows = new ArrayList<>();
        return list.stream(ctx, query, RowSink.of(row -> {
            if (rows.size() <= ListScreen.MAX_PDF_ROWS) {
                rows.add(mapper.apply(row));
            }
            return true;
        }, Runnable::run)).map(count -> {
            ListScreen.checkPdfSize(count);
            return rows;
        });
    }

    /**
     * Runs {@code export} with the years the dialog sent; without a valid choice, goes back to the
     * list as it was with the reason in the console, and exports nothing.
     */
    private static void withYears(RoutingContext ctx, java.util.function.Consumer<List<Integer>> export) {
        Parsed<List<Integer>> years = ExportYears.read(ctx.queryParams());
        if (years.isError()) {
            Console.erreur(ctx, years.error());
            SessionSync.redirect(ctx, listState(ctx));
            return;
        }
        export.accept(years.value().orElseThrow());
    }

    /** The list's URL with the state the export was asked from (filters, keyword, sort). */
    private static String listState(RoutingContext ctx) {
        String query = ctx.queryParams().entries().stream()
                .filter(e -> !ExportYears.PARAMETER.equals(e.getKey()))
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String path = Activity.PERSONNELS.path(TenantHandler.current(ctx).code());
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static List<String> enseignementCells(Row row) {
        return List.of(row.getString("nom"), row.getString("prenom"), row.getString("discipline_poste"),
                row.getString("etablissement"), row.getString("matiere"), row.getString("modalite"), row.getString("mef"),
                row.getString("type_mef"), row.getString("structure"));
    }

    private static List<String> missionCells(Row row) {
        MissionRow r = MissionRow.of(row);
        MissionRow.Mission m = r.mission();
        if (m == null) {
            return List.of("", r.nom(), r.prenom(), r.poste(), "", "", "", "", "", "", "", "", "", "");
        }
        return List.of(m.numero(), r.nom(), r.prenom(), r.poste(), m.type(), m.annee(), m.examen(),
                m.specialiteEpreuve(), m.lieu(), m.dates(), m.commission(), m.jury(), m.qualite(), m.statut());
    }

    /** People in list order, each with their missions (none when they have none in the years). */
    private static List<Map<String, Object>> byPerson(List<MissionRow> rows) {
        Map<Long, Map<String, Object>> people = new LinkedHashMap<>();
        for (MissionRow row : rows) {
            Map<String, Object> person = people.computeIfAbsent(row.personnelId(), id -> {
                Map<String, Object> model = new LinkedHashMap<>(row.person());
                model.put("missions", new ArrayList<Map<String, String>>());
                return model;
            });
            if (row.mission() != null) {
                @SuppressWarnings("unchecked")
                List<Map<String, String>> missions = (List<Map<String, String>>) person.get("missions");
                missions.add(row.mission().model());
            }
        }
        return List.copyOf(people.values());
    }
}
