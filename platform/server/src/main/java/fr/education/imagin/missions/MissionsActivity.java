package fr.education.imagin.missions;

import fr.education.imagin.convocations.ConvocationDocuments;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.export.Downloads;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.list.ListScreen;
import fr.education.imagin.core.list.Lists;
import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityModule;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.PageException;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.RecordIds;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * "Consultation des missions" (guide §4.1, MIS-1 … MIS-4): the missions held in the exam centre
 * with convened intervenants, and each one's detail with its intervenants, their affectations'
 * details and the duplicates of their convocations.
 */
public final class MissionsActivity implements ActivityModule {

    private final ListScreen list;
    private final MissionExports exports;
    private final MissionService missions;
    private final PageRenderer pages;
    private final ConvocationDocuments convocations;

    public MissionsActivity(Lists lists, TenantSql sql, PageRenderer pages, ConvocationDocuments convocations) {
        this.list = lists.screen(MissionsList.DEFINITION, "missions/liste.ftlh");
        this.missions = new MissionService(sql);
        this.exports = new MissionExports(list, missions);
        this.pages = pages;
        this.convocations = convocations;
    }

    @Override
    public Activity activity() {
        return Activity.MISSIONS;
    }

    @Override
    public void mount(ActivityRouter routes) {
        list.mount(routes, "/");
        exports.mountListExports(routes);
        routes.get("/:id").handler(ctx -> withMission(ctx, this::detail));
        routes.get("/:id/" + MissionExports.INTERVENANTS + ".csv").handler(ctx -> withMission(ctx, exports::intervenantsCsv));
        routes.get("/:id/" + MissionExports.JURYS + ".pdf").handler(ctx -> withMission(ctx, exports::jurysPdf));
        routes.get("/:id/" + MissionsList.DETAILS + ".pdf").handler(ctx -> withMission(ctx, exports::missionDetailsPdf));
        routes.get("/:id/convocations/:affectation").handler(ctx -> withMission(ctx, this::convocation));
    }

    /** The exam centre the activity works for; the activity guard made sure there is one. */
    static String uai(RoutingContext ctx) {
        return WorkContext.establishment(ctx).uai();
    }

    /** The same 404 for an id that is not one, another centre's mission, or one without convocation. */
    static PageException introuvable() {
        return new PageException(404, "Mission introuvable",
                "Cette mission n'existe pas, ne se déroule pas dans votre centre d'examen ou n'a aucun intervenant convoqué.");
    }

    /** Runs {@code handler} with the mission of the path if it is this centre's to see, else answers the 404. */
    private void withMission(RoutingContext ctx, BiFunction<RoutingContext, MissionService.Mission, Future<?>> handler) {
        OptionalLong id = RecordIds.parse(ctx.pathParam("id"));
        if (id.isEmpty()) {
            ctx.fail(introuvable());
            return;
        }
        missions.find(TenantHandler.current(ctx), uai(ctx), id.getAsLong()).compose(found -> found.isEmpty()
                        ? Future.failedFuture(introuvable())
                        : handler.apply(ctx, found.get()))
                .onFailure(ctx::fail);
    }

    private Future<Void> detail(RoutingContext ctx, MissionService.Mission mission) {
        Tenant tenant = TenantHandler.current(ctx);
        String path = Activity.MISSIONS.path(tenant.code()) + mission.id();
        return missions.intervenants(tenant, mission.id()).compose(intervenants -> {
            Map<String, Object> model = new HashMap<>();
            model.put("mission", recap(mission));
            model.put("intervenants", intervenants.stream().map(i -> intervenantModel(i, path)).toList());
            model.put("exports", Map.of("csv", path + "/" + MissionExports.INTERVENANTS + ".csv",
                    "jurys", path + "/" + MissionExports.JURYS + ".pdf",
                    "details", path + "/" + MissionsList.DETAILS + ".pdf"));
            model.put("retour", Lists.backToList(ctx, Activity.MISSIONS.path(tenant.code())));
            return pages.respond(ctx, "missions/detail.ftlh", model);
        });
    }

    /** MIS-4: the duplicate of a convened intervenant's convocation, as a PDF named after the person. */
    private Future<Void> convocation(RoutingContext ctx, MissionService.Mission mission) {
        OptionalLong affectation = RecordIds.parse(ctx.pathParam("affectation"));
        PageException missing = new PageException(404, "Convocation introuvable",
                "Cette convocation n'existe pas ou ne concerne pas cette mission.");
        if (affectation.isEmpty()) {
            return Future.failedFuture(missing);
        }
        Tenant tenant = TenantHandler.current(ctx);
        String uai = uai(ctx);
        return missions.isConvened(tenant, uai, mission.id(), affectation.getAsLong()).compose(convened -> convened
                ? convocations.forCentre(tenant, uai, affectation.getAsLong())
                : Future.succeededFuture(Optional.<ConvocationDocuments.Document>empty())).compose(document -> {
            if (document.isEmpty()) {
                return Future.failedFuture(missing);
            }
            return Downloads.prepare(ctx.response(), "application/pdf", document.get().fileName()).end(document.get().pdf());
        });
    }

    /** The recap at the top of the detail and of its documents. */
    static Map<String, Object> recap(MissionService.Mission m) {
        return Map.of("numero", m.numero(), "type", m.type(), "debut", FrenchFormats.date(m.debut()),
                "session", m.session(), "specialite", m.specialite(), "epreuve", m.epreuve());
    }

    private static Map<String, Object> intervenantModel(MissionService.Intervenant i, String missionPath) {
        Map<String, Object> model = new HashMap<>(intervenant(i));
        model.put("convocation", missionPath + "/convocations/" + i.affectation());
        return model;
    }

    /** An intervenant as the screen and the documents show them. */
    static Map<String, Object> intervenant(MissionService.Intervenant i) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", String.valueOf(i.affectation()));
        model.put("nom", i.nom());
        model.put("prenom", i.prenom());
        model.put("etablissement", i.etablissement());
        model.put("telPerso", i.telPerso());
        model.put("telPro", i.telPro());
        model.put("qualite", i.qualite());
        model.put("qualiteJury", i.qualiteJury());
        model.put("mention", i.mention());
        model.put("commission", i.commission());
        model.put("jury", i.jury());
        model.put("salle", i.salle());
        model.put("observation", i.observation());
        model.put("creneaux", i.creneaux().stream().map(c -> Map.of("debut", c.debut(), "fin", c.fin())).toList());
        return model;
    }
}
