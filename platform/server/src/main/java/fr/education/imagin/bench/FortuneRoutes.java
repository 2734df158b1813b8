package fr.education.imagin.bench;

import fr.education.imagin.core.web.PageRenderer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks' baseline (TechEmpower "fortunes" shape): one query of a few rows through the
 * Vert.x PG client rendered by Freemarker, with no tenant, session or authorisation. Every page
 * figure is reported as a ratio to this one, measured in the same run.
 */
public final class FortuneRoutes {

    public record Fortune(int id, String message) {
    }

    private final Pool pool;
    private final PageRenderer pages;

    public FortuneRoutes(Pool pool, PageRenderer pages) {
        this.pool = pool;
        this.pages = pages;
    }

    public void mount(Router router) {
        router.get("/bench/fortunes").handler(this::fortunes);
    }

    private void fortunes(RoutingContext ctx) {
        pool.preparedQuery("select id, message from platform.fortune").execute().onSuccess(rows -> {
            List<Fortune> fortunes = new ArrayList<>(rows.size() + 1);
            rows.forEach(row -> fortunes.add(new Fortune(row.getInteger("id"), row.getString("message"))));
            fortunes.add(new Fortune(0, "Additional fortune added at request time."));
            fortunes.sort(Comparator.comparing(Fortune::message));
            ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                    .end(pages.render("bench/fortunes.ftlh", Map.of("fortunes", fortunes)));
        }).onFailure(ctx::fail);
    }
}
