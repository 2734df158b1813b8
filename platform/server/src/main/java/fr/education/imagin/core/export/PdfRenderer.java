package fr.education.imagin.core.export;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.util.logging.Level;
import fr.education.imagin.core.web.PageRenderer;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one PDF pipeline (SH-8): a Freemarker XHTML template ({@code .ftlx}, escaped like HTML
 * pages) from {@code templates/} → OpenHTMLtoPDF with Marianne embedded. Documents are drawn with
 * the {@code shell/pdf.ftlx} macro: the académie's header and page numbers on every page.
 * Rendering is CPU work: it runs on a small worker pool, never on an event loop, and at most
 * that many documents are laid out at once.
 */
public final class PdfRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(PdfRenderer.class);
    /**
     * Characters XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF):
     * typed or pasted into a field they would make the XHTML parser refuse the whole document.
     * Markup never contains them, so they are removed from the text only.
     */
    private static final Pattern NOT_XML = Pattern.compile("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private final PageRenderer templates;
    private final WorkerExecutor workers;
    private final PdfFonts fonts = new PdfFonts();

    static {
        // OpenHTMLtoPDF logs five INFO lines per document on its own console handler: keep its warnings only.
        for (String category : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(category, Level.WARNING);
        }
    }

    /** {@code workers}: a dedicated pool, its size the number of PDFs laid out at once. */
    public PdfRenderer(PageRenderer templates, WorkerExecutor workers) {
        this.templates = templates;
        this.workers = workers;
    }

    /** Renders {@code template} (an {@code .ftlx}) with {@code model} to PDF bytes. */
    public Future<Buffer> render(String template, Map<String, ?> model) {
        return workers.executeBlocking(() -> Buffer.buffer(renderNow(template, model)), false);
    }

    /**
     * Lays out a small document once, so the first user does not wait for class loading, CSS
     * parsing and font set-up (most of a second).
     */
    public Future<Void> warmUp() {
        long started = System.nanoTime();
        return render("shell/pdf-warmup.ftlx", Map.of("titre", "Préchauffage", "academie", "IMAG'IN",
                "colonnes", List.of("Nom", "Prénom"), "lignes", List.of(List.of("ÉLÈVE", "Anaïs Œ"))))
                .onSuccess(pdf -> LOG.atInfo().addKeyValue("ms", (System.nanoTime() - started) / 1_000_000).log("PDF pipeline warmed up"))
                .onFailure(e -> LOG.error("PDF warm-up failed", e))
                .mapEmpty();
    }

    byte[] renderNow(String template, Map<String, ?> model) {
        String xhtml = NOT_XML.matcher(templates.render(template, model)).replaceAll("");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("IMAG'IN");
        fonts.registerOn(builder);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF " + template + " failed", e);
        }
        return pdf.toByteArray();
    }
}
