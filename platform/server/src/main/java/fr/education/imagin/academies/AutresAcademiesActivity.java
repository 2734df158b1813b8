package fr.education.imagin.academies;

import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityModule;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.tenant.CentreRegistry;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.tenant.TenantRegistry;
import fr.education.imagin.core.web.PageRenderer;
import io.vertx.ext.web.RoutingContext;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * "Accès autres académies" (guide §4.6, ACAD-1): one button per other académie where the
 * establishment is an exam centre. The button opens that académie in a new tab with the same
 * session; the access policy lets the centre in there, with that académie's own menu.
 */
public final class AutresAcademiesActivity implements ActivityModule {

    /** One button; {@code joignable} false greys it (académie disabled or no longer served). */
    public record Acces(String code, String nom, boolean joignable) {
    }

    private final CentreRegistry centres;
    private final TenantRegistry tenants;
    private final PageRenderer pages;

    public AutresAcademiesActivity(CentreRegistry centres, TenantRegistry tenants, PageRenderer pages) {
        this.centres = centres;
        this.tenants = tenants;
        this.pages = pages;
    }

    @Override
    public Activity activity() {
        return Activity.AUTRES_ACADEMIES;
    }

    @Override
    public void mount(ActivityRouter routes) {
        routes.get("/").handler(this::buttons);
    }

    private void buttons(RoutingContext ctx) {
        Tenant home = TenantHandler.current(ctx);
        String uai = WorkContext.establishment(ctx).uai();
        List<Map<String, Object>> acces = acces(uai, home).stream()
                .map(a -> Map.<String, Object>of("code", a.code(), "nom", a.nom(), "joignable", a.joignable()))
                .toList();
        pages.respond(ctx, "academies/autres-academies.ftlh", Map.of("acces", acces));
    }

    /** The other académies of {@code uai}, by name; a code no longer registered shows as unreachable. */
    List<Acces> acces(String uai, Tenant home) {
        return centres.otherAcademies(uai, home.code()).stream()
                .map(code -> tenants.active(code).map(t -> new Acces(code, t.nom(), true))
                        .orElseGet(() -> new Acces(code, tenants.all().containsKey(code)
                                ? tenants.all().get(code).nom() : code.toUpperCase(), false)))
                .sorted(Comparator.comparing(Acces::nom))
                .toList();
    }
}
