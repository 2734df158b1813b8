package fr.education.imagin.core.help;

import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.web.PageRenderer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Optional;

/**
 * The header's help links (SH-1): Guide (how the screens work), Tutoriel (first steps), Plan du
 * site (every page the user can reach) and Aide, the help of the current activity, opened in a
 * new tab. An activity's help is its {@code templates/<code>/aide.ftlh}.
 */
public final class HelpRoutes {

    private final PageRenderer pages;

    public HelpRoutes(PageRenderer pages) {
        this.pages = pages;
    }

    /** Behind the access policy and the work context (the site map shows the menu). */
    public void mount(Router router) {
        router.get("/:tenant/guide").handler(ctx -> pages.respond(ctx, "shell/guide.ftlh", Map.of()));
        router.get("/:tenant/tutoriel").handler(ctx -> pages.respond(ctx, "shell/tutoriel.ftlh", Map.of()));
        router.get("/:tenant/plan-du-site").handler(ctx -> pages.respond(ctx, "shell/plan-du-site.ftlh", Map.of()));
        router.get("/:tenant/aide/:sujet").handler(this::aide);
    }

    private void aide(RoutingContext ctx) {
        String sujet = ctx.pathParam("sujet");
        if ("accueil".equals(sujet)) {
            pages.respond(ctx, "shell/aide-accueil.ftlh", Map.of());
            return;
        }
        Optional<Activity> activity = Activity.byCode(sujet);
        Optional<String> template = activity.map(a -> a.code() + "/aide.ftlh").filter(pages::exists);
        if (template.isEmpty()) {
            ctx.fail(404);
            return;
        }
        pages.respond(ctx, template.get(), Map.of("sujet", Map.of("code", sujet, "libelle", activity.get().libelle())));
    }
}
