package fr.education.imagin.core.web;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Freemarker over the {@code templates/} tree. {@code .ftlh} files are HTML with auto-escaping
 * on, so data is escaped unless a template says otherwise on purpose.
 */
public final class PageRenderer {

    private final Configuration freemarker;

    public PageRenderer() {
        freemarker = new Configuration(Configuration.VERSION_2_3_33);
        freemarker.setClassLoaderForTemplateLoading(PageRenderer.class.getClassLoader(), "templates");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setLocale(Locale.FRANCE);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
    }

    public String render(String template, Map<String, ?> model) {
        try {
            Template compiled = freemarker.getTemplate(template);
            StringWriter out = new StringWriter(4096);
            compiled.process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("Template " + template + " failed", e);
        }
    }

    /** Renders {@code template} as the HTML response, with the request's shell model merged in. */
    public Future<Void> respond(RoutingContext ctx, int status, String template, Map<String, ?> model) {
        String html = render(template, ShellModel.merge(ctx, model));
        ctx.response().setStatusCode(status);
        return SessionSync.flush(ctx).transform(stored -> ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(html));
    }

    public Future<Void> respond(RoutingContext ctx, String template, Map<String, ?> model) {
        return respond(ctx, 200, template, model);
    }
}
