package fr.education.imagin.servicefait;

import fr.education.imagin.core.list.ListScreen;
import fr.education.imagin.core.list.Lists;
import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityModule;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.tenant.TenantHandler;
import io.vertx.ext.web.RoutingContext;

/**
 * "Constat service fait" of the exam centre (guide §4.3): the list of the centre's missions with
 * their state, then a mission's constat, its hours pages and its PDF, drawn by
 * {@link ServiceFaitPages} as for the academy office.
 */
public final class ServiceFaitActivity implements ActivityModule {

    private final ListScreen list;
    private final ServiceFaitPages pages;

    ServiceFaitActivity(Lists lists, ServiceFaitPages pages) {
        this.list = lists.screen(ServiceFaitList.definition(pages.service()), "service-fait/liste.ftlh");
        this.pages = pages;
    }

    @Override
    public Activity activity() {
        return Activity.SERVICE_FAIT;
    }

    @Override
    public void mount(ActivityRouter routes) {
        list.mount(routes, "/");
        routes.get("/:mission").handler(ctx -> pages.detail(ctx, acces(ctx)));
        routes.post("/:mission").handler(ctx -> pages.enregistrer(ctx, acces(ctx)));
        routes.get("/:mission/constat.pdf").handler(ctx -> pages.constatPdf(ctx, acces(ctx)));
        routes.get("/:mission/:affectation/horaires").handler(ctx -> pages.horaires(ctx, acces(ctx)));
        routes.post("/:mission/:affectation/horaires").handler(ctx -> pages.enregistrerHoraires(ctx, acces(ctx)));
    }

    private static ServiceFaitPages.Acces acces(RoutingContext ctx) {
        String base = Activity.SERVICE_FAIT.path(TenantHandler.current(ctx).code());
        return new ServiceFaitPages.Acces(WorkContext.establishment(ctx).uai(), base,
                Lists.backToList(ctx, base), ServiceFaitService.Origine.CENTRE);
    }
}
