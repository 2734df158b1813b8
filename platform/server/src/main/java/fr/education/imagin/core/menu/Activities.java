package fr.education.imagin.core.menu;

import fr.education.imagin.core.web.PageException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of activity screens: mounts the {@link ActivityGuard} in front of every
 * activity's path, then each module's routes. An activity whose screens are not built yet
 * answers a French page saying so, rather than a bare "page introuvable".
 */
public final class Activities {

    private final Map<Activity, ActivityModule> modules = new EnumMap<>(Activity.class);

    public Activities(List<ActivityModule> installed) {
        for (ActivityModule module : installed) {
            if (modules.putIfAbsent(module.activity(), module) != null) {
                throw new IllegalArgumentException("two modules for the activity " + module.activity().code());
            }
        }
    }

    /** The activities that have screens in this version. */
    public Set<Activity> built() {
        return Set.copyOf(modules.keySet());
    }

    /** Mount after the {@link WorkContextHandler}. */
    public void mount(Router router) {
        for (Activity activity : Activity.values()) {
            ActivityGuard guard = new ActivityGuard(activity);
            // "/x/*" also matches "/x": one guard for the activity's whole tree.
            router.route("/:tenant/" + activity.code() + "/*").handler(guard);
        }
        for (Activity activity : Activity.values()) {
            ActivityModule module = modules.get(activity);
            if (module != null) {
                module.mount(new ActivityRouter(router, activity));
            }
            // Vert.x also matches "/x/" here: only the path without its slash is redirected (no "/x//" loop).
            router.get("/:tenant/" + activity.code()).handler(ctx -> {
                if (ctx.request().path().endsWith("/")) {
                    ctx.next();
                } else {
                    ctx.redirect(ctx.request().path() + "/");
                }
            });
            if (module == null) {
                router.get("/:tenant/" + activity.code() + "/").handler(ctx -> notBuiltYet(ctx, activity));
            }
        }
    }

    /** The activity whose route is being served, if any (for the menu and the Aide link). */
    public static Optional<Activity> current(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(ActivityGuard.CURRENT));
    }

    private static void notBuiltYet(RoutingContext ctx, Activity activity) {
        ctx.fail(new PageException(404, "Activité non disponible",
                "L'activité « " + activity.libelle() + " » n'est pas encore disponible dans cette version d'IMAG'IN."));
    }
}
