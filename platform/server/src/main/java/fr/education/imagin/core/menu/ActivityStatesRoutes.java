package fr.education.imagin.core.menu;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.core.format.Parsed;
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
    /** Open now: switched on by the office, and today (Paris) within its period when it has one. */
    static final String OPEN_NOW = """
            ouverte and (ouverte_du is null or (now() at time zone 'Europe/Paris')::date >= ouverte_du)
                    and (ouverte_au is null or (now() at time zone 'Europe/Paris')::date <= ouverte_au)""";
    private static final String SET_PERIOD = """
            insert into activite (code, ouverte, ouverte_du, ouverte_au) values ($1, true, $2, $3)
            on conflict (code) do update set ouverte_du = excluded.ouverte_du, ouverte_au = excluded.ouverte_au""";
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
        router.route("/:tenant" + PATH + "/periode").handler(new AcademyOffice());
        router.post("/:tenant" + PATH + "/periode").handler(this::period);
    }

    private void list(RoutingContext ctx) {
        WorkContext work = WorkContext.of(ctx).orElseThrow();
        sql.inTenant(TenantHandler.current(ctx), conn -> conn.query("select code, ouverte, ouverte_du, ouverte_au from activite").execute())
                .compose(rows -> {
                    Map<String, io.vertx.sqlclient.Row> saved = new java.util.HashMap<>();
                    rows.forEach(r -> saved.put(r.getString("code"), r));
                    return pages.respond(ctx, "administration/activites.ftlh", Map.of("activites", Arrays.stream(Activity.values())
                            .map(a -> {
                                io.vertx.sqlclient.Row row = saved.get(a.code());
                                java.time.LocalDate du = row == null ? null : row.getLocalDate("ouverte_du");
                                java.time.LocalDate au = row == null ? null : row.getLocalDate("ouverte_au");
                                return Map.<String, Object>of("code", a.code(), "libelle", a.libelle(),
                                        "groupe", a.group() == ActivityGroup.ETABLISSEMENT ? "Etablissement" : "Centre Examen",
                                        "ouverte", work.isOpen(a), "bascule", row == null || row.getBoolean("ouverte"),
                                        "du", FrenchFormats.date(du), "au", FrenchFormats.date(au));
                            })
                            .toList()));
                }).onFailure(ctx::fail);
    }

    /** "Période d'ouverture": both dates optional (no bound), the first not after the second; audited. */
    private void period(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        Optional<Activity> activity = Activity.byCode(String.valueOf(ctx.request().getFormAttribute("code")));
        Parsed<java.time.LocalDate> du = FrenchInput.date(ctx.request().getFormAttribute("du"), "date d'ouverture");
        Parsed<java.time.LocalDate> au = FrenchInput.date(ctx.request().getFormAttribute("au"), "date de fermeture");
        String error = activity.isEmpty() ? "Erreur : Activité inconnue ; aucune modification n'a été enregistrée."
                : du.isError() ? du.error() : au.isError() ? au.error()
                : du.value().isPresent() && au.value().isPresent() && du.value().get().isAfter(au.value().get())
                ? "La date d'ouverture doit précéder la date de fermeture ; aucune modification n'a été enregistrée." : null;
        if (error != null) {
            Console.erreur(ctx, error);
            backToList(ctx, tenant);
            return;
        }
        java.time.LocalDate from = du.value().orElse(null);
        java.time.LocalDate to = au.value().orElse(null);
        String actor = SessionUser.of(ctx).login();
        sql.inTenant(tenant, conn -> conn.preparedQuery(SET_PERIOD).execute(Tuple.of(activity.get().code(), from, to))
                        .compose(done -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "ACTIVITE_PERIODE",
                                activity.get().code() + " du=" + from + " au=" + to, ctx.request().remoteAddress().hostAddress()))))
                .onSuccess(done -> {
                    Console.information(ctx, "L'activité « " + activity.get().libelle() + " » "
                            + (from == null && to == null ? "n'a plus de période d'ouverture."
                            : "est ouverte" + (from == null ? "" : " du " + FrenchFormats.date(from))
                            + (to == null ? "" : " jusqu'au " + FrenchFormats.date(to)) + "."));
                    backToList(ctx, tenant);
                })
                .onFailure(ctx::fail);
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
