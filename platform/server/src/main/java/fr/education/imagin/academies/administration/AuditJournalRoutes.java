package fr.education.imagin.academies.administration;

import fr.education.imagin.core.security.AcademyOffice;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.PageRenderer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** {@code /:tenant/administration/journal}: the académie's audit entries, for its gestionnaires only. */
public final class AuditJournalRoutes {

    private final TenantAdministration administration;
    private final PageRenderer pages;

    public AuditJournalRoutes(TenantAdministration administration, PageRenderer pages) {
        this.administration = administration;
        this.pages = pages;
    }

    /** Behind the tenant, session, CSRF and access policy handlers. */
    public void mount(Router router) {
        router.get("/:tenant/administration/journal").handler(new AcademyOffice()).handler(this::journal);
    }

    private void journal(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        administration.journal(tenant.code(), AdminConsoleRoutes.JOURNAL_SIZE).onSuccess(rows -> pages.respond(ctx,
                "admin/journal-academie.ftlh", Map.of("entrees", rows.stream().map(TenantAdministration.AuditRow::toModel).toList(),
                        "taille", AdminConsoleRoutes.JOURNAL_SIZE))).onFailure(ctx::fail);
    }
}
