package fr.education.imagin.avancement;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.list.ExportYears;
import fr.education.imagin.core.list.ListScreen;
import fr.education.imagin.core.list.Lists;
import fr.education.imagin.core.security.AcademyOffice;
import fr.education.imagin.core.tenant.TenantHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * "Avancement de l'affectation" for the academy office, under
 * {@code /:tenant/administration/avancement/}: an overview per exam (bars and figures), then the
 * list per exam, épreuve-option and centre with its CSV and PDF exports. Gestionnaires of the
 * académie and national admins only ({@link AcademyOffice}).
 */
public final class AvancementOfficeRoutes {

    static final String PATH = "/administration/avancement/";

    private final ListScreen list;
    private final AvancementService service;

    public AvancementOfficeRoutes(Lists lists, TenantSql sql) {
        this.list = lists.screen(AvancementList.OFFICE, "avancement/office.ftlh");
        this.service = new AvancementService(sql);
    }

    public void mount(Router router) {
        String base = "/:tenant" + PATH;
        router.route(base + "*").handler(new AcademyOffice());
        router.get(base).handler(this::overview);
        list.mount(router, base);
    }

    /**
     * The overview follows the list's years (the current one until the user chooses). Not computed
     * for the list region alone, which does not show it: it counts every affectation of the years.
     */
    private void overview(RoutingContext ctx) {
        if (ListScreen.partial(ctx)) {
            ctx.next();
            return;
        }
        List<Integer> annees = ExportYears.read(ctx.queryParams()).value()
                .orElse(List.of(LocalDate.now(FrenchFormats.ZONE).getYear()));
        service.parExamen(TenantHandler.current(ctx), annees).onSuccess(examens -> {
            ListScreen.addToPage(ctx, "vueEnsemble", examens.stream().map(e -> Map.<String, Object>of(
                    "examen", e.examen(), "missions", e.missions(), "sansBesoin", e.sansBesoin(), "requis", e.requis(),
                    "designes", e.designes(), "convoques", e.convoques(), "constates", e.constates(),
                    "pourcent", e.pourcentConvoques())).toList());
            ListScreen.addToPage(ctx, "annees", annees.stream().map(String::valueOf).toList());
            ctx.next();
        }).onFailure(ctx::fail);
    }
}
