package fr.education.imagin.core.menu;

import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.web.ContextKeys;
import fr.education.imagin.core.web.ShellPart;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The banner's establishment and the left menu (SH-3) of every page: the activities offered to
 * the establishment in their two groups, each closed (greyed, no link), open, or current.
 * Also the address of the contextual help (Aide) of the current activity.
 */
public final class MenuModel implements ShellPart {

    /** Activities whose screens this version has; the others show as unavailable, never as links. */
    private volatile Set<Activity> built = EnumSet.allOf(Activity.class);

    /** Set once the activity modules are known ({@link Activities#built()}). */
    public void builtActivities(Set<Activity> activities) {
        this.built = activities.isEmpty() ? EnumSet.noneOf(Activity.class) : EnumSet.copyOf(activities);
    }

    @Override
    public void addTo(RoutingContext ctx, Map<String, Object> model) {
        Tenant tenant = ctx.get(ContextKeys.TENANT);
        Optional<WorkContext> work = WorkContext.of(ctx);
        if (tenant == null || work.isEmpty()) {
            return;
        }
        Optional<Activity> current = Activities.current(ctx);
        current.ifPresent(a -> model.put("activite", Map.of("code", a.code(), "libelle", a.libelle())));
        model.put("aide", "/" + tenant.code() + "/aide/" + current.map(Activity::code).orElse("accueil"));
        work.get().etablissement().ifPresent(e -> {
            model.putIfAbsent("etablissement", Map.of("uai", e.uai(), "nom", e.nom(), "commune", e.commune(),
                    "centreExamen", e.centreExamen()));
            model.put("menu", groups(tenant, work.get(), current.orElse(null), built));
        });
    }

    private static List<Map<String, Object>> groups(Tenant tenant, WorkContext work, Activity current, Set<Activity> built) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ActivityGroup group : ActivityGroup.values()) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Activity activity : Activity.values()) {
                if (activity.group() == group && work.offers(activity)) {
                    // Closed by the office says so first; an open one without screens is unavailable, not a link.
                    String state = activity == current ? "courante" : !work.isOpen(activity) ? "fermee"
                            : !built.contains(activity) ? "indisponible" : "ouverte";
                    items.add(Map.of("code", activity.code(), "libelle", activity.libelle(),
                            "href", activity.path(tenant.code()), "etat", state));
                }
            }
            if (!items.isEmpty()) {
                groups.add(Map.of("libelle", group.libelle(), "activites", items,
                        "courant", current != null && current.group() == group));
            }
        }
        return groups;
    }
}
