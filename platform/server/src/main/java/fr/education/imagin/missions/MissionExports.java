package fr.education.imagin.missions;

import fr.education.imagin.core.export.CsvDownload;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.list.ListScreen;
import fr.education.imagin.core.list.RowSink;
import fr.education.imagin.core.list.SqlBuilder;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.menu.Establishment;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.tenant.TenantHandler;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The downloads of "Consultation des missions" beyond the list's own CSV and PDF (MIS-3, MIS-4):
 * the listed missions with their convened intervenants, and one mission's intervenants as CSV,
 * by jury and in detail. Only convened affectations are ever exported.
 */
final class MissionExports {

    static final String INTERVENANTS = "intervenants";
    static final String JURYS = "jurys";

    static final List<String> INTERVENANTS_HEADER = List.of("Nom", "Prénom", "Etablissement principal", "Tél pers.",
            "Tél prof.", "Qualité", "Dates spécifiques", "Commission(s)", "Jury(s)", "Salle", "Observation", "Dates");

    private final ListScreen list;
    private final MissionService missions;

    MissionExports(ListScreen list, MissionService missions) {
        this.list = list;
        this.missions = missions;
    }

    /** Beside the list at "/": {@code details.pdf}, the listed missions with their intervenants. */
    void mountListExports(ActivityRouter routes) {
        routes.get("/" + MissionsList.DETAILS + ".pdf").handler(this::listDetailsPdf);
    }

    private void listDetailsPdf(RoutingContext ctx) {
        SqlBuilder query = list.selection(ctx).with();
        query.append(MissionService.INTERVENANTS.formatted("selection sel join affectation a on a.mission_id = sel.id",
                "sel.rang", MissionsList.CONVOQUEE));
        Map<Long, Map<String, Object>> byMission = new LinkedHashMap<>();
        long[] kept = {0};
        list.stream(ctx, query, RowSink.of(row -> {
            if (kept[0]++ <= ListScreen.MAX_PDF_ROWS) {
                add(byMission, row);
            }
            return true;
        }, Runnable::run)).compose(count -> {
            ListScreen.checkPdfSize(count);
            Map<String, Object> model = list.documentModel(ctx, "Détails des missions et de leurs intervenants convoqués");
            model.put("missions", List.copyOf(byMission.values()));
            return list.sendPdf(ctx, "missions/details-pdf.ftlx", model, "missions-" + MissionsList.DETAILS);
        }).onFailure(ctx::fail);
    }

    private static void add(Map<Long, Map<String, Object>> byMission, Row row) {
        Map<String, Object> mission = byMission.computeIfAbsent(row.getLong("mission_id"), id -> {
            Map<String, Object> model = new HashMap<>(MissionsActivity.recap(MissionService.Mission.of(row)));
            model.put("intervenants", new ArrayList<Map<String, Object>>());
            return model;
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> intervenants = (List<Map<String, Object>>) mission.get("intervenants");
        intervenants.add(MissionsActivity.intervenant(MissionService.Intervenant.of(row)));
    }

    /** "Extraction CSV" of the detail: the mission's convened intervenants. */
    Future<Void> intervenantsCsv(RoutingContext ctx, MissionService.Mission mission) {
        return missions.intervenants(TenantHandler.current(ctx), mission.id()).compose(intervenants -> {
            CsvDownload csv = list.csvDownload(ctx, "mission-" + mission.numero() + "-" + INTERVENANTS, INTERVENANTS_HEADER);
            for (MissionService.Intervenant i : intervenants) {
                csv.row(List.of(i.nom(), i.prenom(), i.etablissement(), i.telPerso(), i.telPro(), i.qualiteJury(), i.mention(),
                        i.commission(), i.jury(), i.salle(), i.observation(), i.creneaux().stream()
                                .map(c -> c.debut() + " - " + c.fin()).collect(Collectors.joining(" ; "))));
            }
            return csv.end();
        });
    }

    /** "Télécharger liste par jury (pdf)": the intervenants grouped by jury, those without one last. */
    Future<Void> jurysPdf(RoutingContext ctx, MissionService.Mission mission) {
        return missions.intervenants(TenantHandler.current(ctx), mission.id()).compose(intervenants -> {
            TreeMap<String, List<Map<String, Object>>> byJury = new TreeMap<>();
            List<Map<String, Object>> none = new ArrayList<>();
            for (MissionService.Intervenant i : intervenants) {
                (i.jury().isEmpty() ? none : byJury.computeIfAbsent(i.jury(), k -> new ArrayList<>()))
                        .add(MissionsActivity.intervenant(i));
            }
            List<Map<String, Object>> groups = new ArrayList<>();
            byJury.forEach((jury, people) -> groups.add(Map.of("titre", "Jury " + jury, "intervenants", people)));
            if (!none.isEmpty()) {
                groups.add(Map.of("titre", "Sans jury", "intervenants", none));
            }
            Map<String, Object> model = documentModel(ctx, "Liste des intervenants convoqués par jury");
            model.put("mission", MissionsActivity.recap(mission));
            model.put("jurys", groups);
            return list.sendPdf(ctx, "missions/jurys-pdf.ftlx", model, "mission-" + mission.numero() + "-" + JURYS);
        });
    }

    /** "Télécharger détails (pdf)" of the detail: the mission and each intervenant's affectation in full. */
    Future<Void> missionDetailsPdf(RoutingContext ctx, MissionService.Mission mission) {
        return missions.intervenants(TenantHandler.current(ctx), mission.id()).compose(intervenants -> {
            Map<String, Object> recap = new HashMap<>(MissionsActivity.recap(mission));
            recap.put("intervenants", intervenants.stream().map(MissionsActivity::intervenant).toList());
            Map<String, Object> model = documentModel(ctx, "Détails de la mission et de ses intervenants convoqués");
            model.put("missions", List.of(recap));
            return list.sendPdf(ctx, "missions/details-pdf.ftlx", model, "mission-" + mission.numero() + "-" + MissionsList.DETAILS);
        });
    }

    /** The header of a detail's documents: no list criteria, the mission is the selection. */
    private static Map<String, Object> documentModel(RoutingContext ctx, String titre) {
        Map<String, Object> model = new HashMap<>();
        model.put("titre", titre);
        model.put("academie", TenantHandler.current(ctx).nom());
        WorkContext.of(ctx).flatMap(WorkContext::etablissement).map(Establishment.class::cast)
                .ifPresent(e -> model.put("etablissement", e.nom() + " (" + e.uai() + ")"));
        model.put("editeLe", FrenchFormats.timestamp(LocalDateTime.now(FrenchFormats.ZONE)));
        model.put("criteres", new ArrayList<String>());
        return model;
    }
}
