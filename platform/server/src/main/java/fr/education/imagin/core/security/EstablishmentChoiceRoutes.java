package fr.education.imagin.core.security;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * A chef d'établissement holding delegations for several UAIs picks the one to act for after
 * login ({@code /:tenant/etablissement}); the choice takes that establishment's connection slot
 * (SH-10) like a single-delegation login does. Behind the access policy.
 */
public final class EstablishmentChoiceRoutes {

    public static final String PATH = "/etablissement";
    private static final String NAMES = "select uai, nom, commune from etablissement where uai = any($1) order by uai";

    private final TenantSql sql;
    private final EstablishmentSlots slots;
    private final SignIn signIn;
    private final PageRenderer pages;

    public EstablishmentChoiceRoutes(TenantSql sql, EstablishmentSlots slots, SignIn signIn, PageRenderer pages) {
        this.sql = sql;
        this.slots = slots;
        this.signIn = signIn;
        this.pages = pages;
    }

    public void mount(Router router) {
        router.get("/:tenant" + PATH).handler(ctx -> form(ctx, 200, null));
        router.post("/:tenant" + PATH).handler(this::choose);
    }

    private void form(RoutingContext ctx, int status, String error) {
        Tenant tenant = TenantHandler.current(ctx);
        SessionUser user = SessionUser.of(ctx);
        sql.inTenant(tenant, conn -> conn.preparedQuery(NAMES).execute(Tuple.of(user.uais().toArray(String[]::new))))
                .onSuccess(rows -> {
                    List<Map<String, String>> choices = StreamSupport.stream(rows.spliterator(), false)
                            .map(row -> Map.of("uai", row.getString("uai"), "nom", row.getString("nom"), "commune", row.getString("commune")))
                            .toList();
                    pages.respond(ctx, status, "connexion/etablissement.ftlh",
                            error == null ? Map.of("choix", choices) : Map.of("choix", choices, "erreur", error));
                }).onFailure(ctx::fail);
    }

    private void choose(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        SessionUser user = SessionUser.of(ctx);
        String uai = ctx.request().getFormAttribute("uai");
        if (uai == null || !user.uais().contains(uai)) {
            form(ctx, 400, "Erreur : Veuillez choisir un des établissements pour lesquels vous avez une délégation.");
            return;
        }
        Future<Void> released = user.uai() == null ? Future.succeededFuture() : slots.release(user.uai(), ctx.session().id());
        released.compose(v -> slots.takeOver(uai, ctx.session().id())).compose(endedSession -> {
            SessionUser acting = user.actingFor(uai);
            acting.storeIn(ctx.session());
            return endedSession.isEmpty() ? Future.<Void>succeededFuture()
                    : signIn.replaced(ctx, tenant.code(), acting, SignIn.address(ctx));
        }).onSuccess(v -> SessionSync.redirect(ctx, "/" + tenant.code() + "/")).onFailure(ctx::fail);
    }

    /** Pages other than the choice itself wait until a person with several delegations has chosen. */
    static boolean mustChoose(SessionUser user, RoutingContext ctx) {
        return user.role() == Role.CHEF_ETABLISSEMENT && user.uai() == null && user.uais().size() > 1
                && "GET".equals(ctx.request().method().name()) && !ctx.normalizedPath().endsWith(PATH);
    }
}
