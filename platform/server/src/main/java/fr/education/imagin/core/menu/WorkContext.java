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
        return refusal(activity).isEmpty();
    }

    /**
     * Why this user is not offered {@code activity}, in French for the 403 page; empty when it is.
     * Each case says its own reason: a visiting centre is a centre, it is refused for being a visitor.
     */
    public Optional<String> refusal(Activity activity) {
        String named = "L'activité « " + activity.libelle() + " »";
        if (etablissement.isEmpty()) {
            return Optional.of(named + " est réservée aux établissements.");
        }
        if (visitingCentre && activity == Activity.AUTRES_ACADEMIES) {
            return Optional.of(named + " s'utilise depuis l'académie de votre établissement, pas depuis une académie où il est centre d'examen.");
        }
        if (visitingCentre && activity.group() != ActivityGroup.CENTRE_EXAMEN) {
            return Optional.of(named + " s'utilise dans l'académie de votre établissement : dans cette académie, votre établissement"
                    + " est centre d'examen et n'a accès qu'aux activités du groupe « " + ActivityGroup.CENTRE_EXAMEN.libelle() + " ».");
        }
        if (activity.group() == ActivityGroup.CENTRE_EXAMEN && !etablissement.get().centreExamen()) {
            return Optional.of(named + " est réservée aux établissements centres d'examen.");
        }
        return Optional.empty();
    }
}
