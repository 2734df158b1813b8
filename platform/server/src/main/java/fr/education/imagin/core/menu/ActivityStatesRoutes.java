package fr.education.imagin.core.menu;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.security.AcademyOffice;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The academy office opens and closes each activity of its académie (SH-3): closed, it is greyed
 * in every establishment's menu and refused by the {@link ActivityGuard}. For the académie's
 * gestionnaires (and national admins); each change is audited in the same transaction.
 */
public final class ActivityStatesRoutes {

    static final String PATH = "/administration/activites";
    private static final String SET = """
            insert into activite (code, ouverte) values ($1, $2)
            on conflict (code) do update set ouverte = excluded.ouverte""";

    private final TenantSql sql;
    private final AuditTrail audit;
    private final PageRenderer pages;

    public ActivityStatesRoutes(TenantSql sql, AuditTrail audit, PageRenderer pages) {
        this.sql = sql;
        this.audit = audit;
        this.pages = pages;
    }

    public void mount(Router router) {
        router.route("/:tenant" + PATH).handler(new AcademyOffice());
        router.get("/:tenant" + PATH).handler(this::list);
        router.post("/:tenant" + PATH).handler(this::change);
    }

    private void list(RoutingContext ctx) {
        WorkContext work = WorkContext.of(ctx).orElseThrow();
        pages.respond(ctx, "administration/activites.ftlh", Map.of("activites", Arrays.stream(Activity.values())
                .map(a -> Map.<String, Object>of("code", a.code(), "libelle", a.libelle(),
                        "groupe", a.group() == ActivityGroup.ETABLISSEMENT ? "Etablissement" : "Centre Examen",
                        "ouverte", work.isOpen(a)))
                .toList()));
    }

    private void change(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        Optional<Activity> activity = Activity.byCode(String.valueOf(ctx.request().getFormAttribute("code")));
        String state = ctx.request().getFormAttribute("ouverte");
        if (activity.isEmpty() || !("true".equals(state) || "false".equals(state))) {
            Console.erreur(ctx, "Erreur : Activité ou état inconnu ; aucune modification n'a été enregistrée.");
            backToList(ctx, tenant);
            return;
        }
        boolean open = Boolean.parseBoolean(state);
        String actor = SessionUser.of(ctx).login();
        sql.inTenant(tenant, conn -> conn.preparedQuery(SET).execute(Tuple.of(activity.get().code(), open))
                        .compose(done -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor,
                                open ? "ACTIVITE_OUVERTE" : "ACTIVITE_FERMEE", activity.get().code(),
                                ctx.request().remoteAddress().hostAddress()))))
                .onSuccess(done -> {
                    Console.information(ctx, "L'activité « " + activity.get().libelle() + " » est "
                            + (open ? "ouverte." : "fermée."));
                    backToList(ctx, tenant);
                })
                .onFailure(ctx::fail);
    }

    private static void backToList(RoutingContext ctx, Tenant tenant) {
        SessionSync.redirect(ctx, "/" + tenant.code() + PATH);
    }
}
