package fr.education.imagin.core.menu;

import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Optional;

/**
 * Where the signed-in user works in this request: the establishment they act for (none for an
 * academy manager) and which activities the academy office has opened. Loaded fresh on every
 * request by {@link WorkContextHandler}, so closing an activity takes effect at once.
 */
public record WorkContext(Optional<Establishment> etablissement, Map<String, Boolean> openByCode, boolean visitingCentre) {

    static final String KEY = "imagin.workContext";

    public static Optional<WorkContext> of(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(KEY));
    }

    /**
     * The establishment an activity route works for. The {@link ActivityGuard} let the request in
     * only with one, so a missing establishment here is a programming error.
     */
    public static Establishment establishment(RoutingContext ctx) {
        return of(ctx).flatMap(WorkContext::etablissement).orElseThrow(() -> new IllegalStateException(
                ctx.normalizedPath() + " is not an activity route behind the ActivityGuard"));
    }

    /** Opened by the academy office; an activity it never listed is closed. */
    public boolean isOpen(Activity activity) {
        return Boolean.TRUE.equals(openByCode.get(activity.code()));
    }

    /**
     * Shown in this user's menu: an establishment, and for Centre Examen activities an exam centre.
     * A centre visiting from another académie (ACAD-1) only gets this académie's Centre Examen work.
     */
    public boolean offers(Activity activity) {
        if (visitingCentre && (activity.group() != ActivityGroup.CENTRE_EXAMEN || activity == Activity.AUTRES_ACADEMIES)) {
            return false;
        }
        return etablissement.map(e -> activity.group() != ActivityGroup.CENTRE_EXAMEN || e.centreExamen()).orElse(false);
    }
}
