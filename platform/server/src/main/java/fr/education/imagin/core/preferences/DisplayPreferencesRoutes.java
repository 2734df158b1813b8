package fr.education.imagin.core.preferences;

import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;

import java.util.Optional;

/**
 * The accessibility settings: loaded once per session from the account's saved ones (so they
 * survive a logout), changed by the header's "Paramètres d'accessibilité" form.
 */
public final class DisplayPreferencesRoutes {

    private static final String SESSION_KEY = "imagin.preferences";
    private static final String PATH = "preferences-affichage";

    private final DisplayPreferencesService service;

    public DisplayPreferencesRoutes(DisplayPreferencesService service) {
        this.service = service;
    }

    /** The settings of this request's user; defaults for anonymous pages. */
    public static DisplayPreferences of(RoutingContext ctx) {
        Session session = ctx.session();
        return Optional.ofNullable(session == null ? null : session.<JsonObject>get(SESSION_KEY))
                .map(DisplayPreferences::fromJson).orElse(DisplayPreferences.DEFAULTS);
    }

    /** Route handler after the access policy: fills the session's copy on its first request. */
    public Handler<RoutingContext> loader() {
        return ctx -> {
            if (ctx.session().get(SESSION_KEY) != null) {
                ctx.next();
                return;
            }
            service.load(SessionUser.of(ctx).login()).onSuccess(preferences -> {
                ctx.session().put(SESSION_KEY, preferences.toJson());
                ctx.next();
            }).onFailure(ctx::fail);
        };
    }

    public void mount(Router router) {
        router.post("/:tenant/" + PATH).handler(this::save);
    }

    private void save(RoutingContext ctx) {
        String back = safeReturn(ctx);
        Optional<DisplayPreferences> chosen = DisplayPreferences.fromForm(ctx.request().formAttributes());
        if (chosen.isEmpty()) {
            Console.erreur(ctx, "Les paramètres d'accessibilité envoyés ne sont pas valides.");
            SessionSync.redirect(ctx, back);
            return;
        }
        service.save(SessionUser.of(ctx).login(), chosen.get()).onSuccess(saved -> {
            ctx.session().put(SESSION_KEY, chosen.get().toJson());
            Console.information(ctx, "Vos paramètres d'accessibilité ont été enregistrés.");
            SessionSync.redirect(ctx, back);
        }).onFailure(ctx::fail);
    }

    /** Back to the page the form was on, only ever inside this académie. */
    private static String safeReturn(RoutingContext ctx) {
        String home = "/" + TenantHandler.current(ctx).code() + "/";
        String back = ctx.request().getFormAttribute("retour");
        boolean sameAcademie = back != null && back.startsWith(home) && !back.contains("//") && !back.contains("\\")
                && back.chars().noneMatch(Character::isISOControl);
        return sameAcademie ? back : home;
    }
}
