package fr.education.imagin.core.menu;

import fr.education.imagin.core.web.PageException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * The server side of the menu's states: every route of an activity passes here first, and an
 * activity the academy office closed, or one this user's establishment is not offered, is
 * refused with a French 403 whatever link or URL led there.
 */
final class ActivityGuard implements Handler<RoutingContext> {

    static final String CURRENT = "imagin.activity";

    private final Activity activity;

    ActivityGuard(Activity activity) {
        this.activity = activity;
    }

    @Override
    public void handle(RoutingContext ctx) {
        WorkContext work = WorkContext.of(ctx).orElseThrow(() ->
                new IllegalStateException("activity route " + ctx.normalizedPath() + " is not behind the WorkContextHandler"));
        Optional<String> refusal = work.refusal(activity);
        if (refusal.isPresent()) {
            ctx.fail(new PageException(403, "Accès refusé", refusal.get()));
        } else if (!work.isOpen(activity)) {
            ctx.fail(new PageException(403, "Activité fermée", "L'activité « " + activity.libelle()
                    + " » n'est pas ouverte par le service gestionnaire de la division des examens et concours."));
        } else {
            ctx.put(CURRENT, activity);
            ctx.next();
        }
    }
}
