package fr.education.imagin.core.web;

import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * Something every page's layout shows that a core package other than the web one knows about:
 * the menu, the accessibility settings... Given to the {@link PageRenderer} at start.
 */
@FunctionalInterface
public interface ShellPart {

    /** Adds this part's keys to the model of the page being rendered for {@code ctx}. */
    void addTo(RoutingContext ctx, Map<String, Object> model);
}
