package fr.education.imagin.core.menu;

import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Optional;

/**
 * Where the signed-in user works in this request: the establishment they act for (none for an
 * academy manager) and which activities the academy office has opened. Loaded fresh on every
 * request by {@link WorkContextHandler}, so closing an activity takes effect at once.
 */
public record WorkContext(Optional<Establishment> etablissement, Map<String, Boolean> openByCode) {

    static final String KEY = "imagin.workContext";

    public static Optional<WorkContext> of(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(KEY));
    }

    /** Opened by the academy office; an activity it never listed is closed. */
    public boolean isOpen(Activity activity) {
        return Boolean.TRUE.equals(openByCode.get(activity.code()));
    }

    /** Shown in this user's menu: an establishment, and for Centre Examen activities an exam centre. */
    public boolean offers(Activity activity) {
        return etablissement.map(e -> activity.group() != ActivityGroup.CENTRE_EXAMEN || e.centreExamen()).orElse(false);
    }
}
