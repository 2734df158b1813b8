package fr.education.imagin.core.web;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Freemarker over the {@code templates/} tree. {@code .ftlh} files are HTML and {@code .ftlx}
 * files XHTML (the PDF documents), both with auto-escaping on, so data is escaped unless a
 * template says otherwise on purpose. Pages are drawn in the shell ({@code shell/layout.ftlh}),
 * whose model {@link ShellModel} and the {@link ShellPart}s fill.
 */
public final class PageRenderer {

    private final Configuration freemarker;
    private final String assets;
    private final List<ShellPart> parts;

    /**
     * @param assets URL prefix of the static files ({@link StaticAssets#prefix()})
     * @param parts  what core packages add to every page (menu, accessibility settings...)
     */
    public PageRenderer(String assets, List<ShellPart> parts) {
        this.assets = assets;
        this.parts = List.copyOf(parts);
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
        String html = render(template, shellModel(ctx, model));
        ctx.response().setStatusCode(status);
        return SessionSync.flush(ctx).transform(stored -> ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(html));
    }

    public Future<Void> respond(RoutingContext ctx, String template, Map<String, ?> model) {
        return respond(ctx, 200, template, model);
    }

    /** The page's model with everything the shell needs, for renderings other than a full page. */
    public Map<String, Object> shellModel(RoutingContext ctx, Map<String, ?> model) {
        return ShellModel.merge(ctx, model, assets, parts);
    }

    /** Whether {@code template} exists (an activity's optional help page, say). */
    public boolean exists(String template) {
        try {
            freemarker.getTemplate(template);
            return true;
        } catch (TemplateNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("Template " + template + " failed", e);
        }
    }

    /** Streams {@code template} to {@code out} (large exports never build one big string). */
    public void render(String template, Map<String, ?> model, Writer out) {
        try {
            freemarker.getTemplate(template).process(model, out);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("Template " + template + " failed", e);
        }
    }
}
