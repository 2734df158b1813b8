package fr.education.imagin.core.preferences;

import fr.education.imagin.core.web.ShellPart;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** Puts the user's accessibility settings in every page (classes of {@code <html>}, the form). */
public final class PreferencesModel implements ShellPart {

    @Override
    public void addTo(RoutingContext ctx, Map<String, Object> model) {
        model.put("preferences", DisplayPreferencesRoutes.of(ctx).toTemplateModel());
    }
}
