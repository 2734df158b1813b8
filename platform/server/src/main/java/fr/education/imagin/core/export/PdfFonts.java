package fr.education.imagin.core.export;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Marianne, the State's typeface, embedded in every PDF. It comes from the DSFR package the build
 * puts in the jar ({@code static/dsfr/fonts}, WOFF) and is turned into TrueType once at start:
 * no font file in the repository, none to install on the server. Marianne has every French
 * character (accents, œ, «», €, the no-break spaces of French numbers).
 */
final class PdfFonts {

    static final String FAMILY = "Marianne";

    private record Face(int weight, FontStyle style, byte[] trueType) {
    }

    private final List<Face> faces;

    PdfFonts() {
        faces = List.of(
                load("Marianne-Regular.woff", 400, FontStyle.NORMAL),
                load("Marianne-Regular_Italic.woff", 400, FontStyle.ITALIC),
                load("Marianne-Bold.woff", 700, FontStyle.NORMAL),
                load("Marianne-Bold_Italic.woff", 700, FontStyle.ITALIC));
    }

    /** Registers every face; subset so a PDF carries only the glyphs it uses. */
    void registerOn(PdfRendererBuilder builder) {
        for (Face face : faces) {
            builder.useFont(() -> new ByteArrayInputStream(face.trueType()), FAMILY, face.weight(), face.style(), true);
        }
    }

    private static Face load(String file, int weight, FontStyle style) {
        String resource = "static/dsfr/fonts/" + file;
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath: build the server with Maven (it fetches the DSFR)");
            }
            return new Face(weight, style, WoffFont.toTrueType(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
