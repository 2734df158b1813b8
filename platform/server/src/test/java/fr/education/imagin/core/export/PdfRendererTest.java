package fr.education.imagin.core.export;

import fr.education.imagin.core.web.PageRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF pipeline read back with PDFBox: French text, embedded Marianne, escaping, page numbers. */
class PdfRendererTest {

    private static final String FRENCH = "àâäçéèêëîïôöùûüÿœæ ÀÂÇÉÈÊËÎÏÔŒÆÙÛÜŸ « guillemets » l’œuvre 1\u00A0268,00\u00A0€";

    private final PdfRenderer renderer = new PdfRenderer(new PageRenderer("/static/test", List.of()), null);

    @Test
    void everyFrenchCharacterRendersWithMarianneEmbeddedAndMarkupStaysText() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(FRENCH, "<script>alert('x')</script>", "=HYPERLINK(\"http://x\")"));
        for (int i = 0; i < 120; i++) {
            rows.add(List.of("LIGNE " + i, "Prénom " + i, "É"));
        }
        byte[] pdf = renderer.renderNow("shell/liste-pdf.ftlx", Map.of("titre", "Liste des personnels (121 lignes)",
                "academie", "ACADEMIE DE TOULOUSE", "etablissement", "LYCÉE <b>PIERRE-PAUL</b> RIQUET (0310038Y)",
                "editeLe", "25/11/2026 14:00:00", "criteres", List.of("Mot-clé : œ"),
                "colonnes", List.of("Nom", "Prénom", "Discipline de poste"), "lignes", rows));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(FRENCH.replace('\u00A0', ' ').split(" ")[0]);
            assertThat(normalise(text)).contains(normalise(FRENCH));
            // Narrow table cells wrap long values: the script tag is compared without line breaks.
            assertThat(text.replaceAll("\\s+", "")).contains("<script>alert('x')</script>");
            assertThat(text).contains("LYCÉE <b>PIERRE-PAUL</b> RIQUET (0310038Y)",
                    "ACADEMIE DE TOULOUSE", "Liste des personnels (121 lignes)", "Édité le 25/11/2026 14:00:00");
            assertThat(text).doesNotContain("#");
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(text).contains("Page 1 / " + document.getNumberOfPages(), "Page 2 / " + document.getNumberOfPages());
            List<String> fonts = new ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                fonts.add(font.getName());
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            assertThat(fonts).allMatch(f -> f.contains("Marianne"));
        }
    }

    /**
     * Issue #10 (found by HostileInputFuzzTest): a keyword with control characters, echoed in a
     * list's criteria, made every PDF export answer 500 — XML 1.0 has no such characters and the
     * XHTML parser refused the document. They are dropped; the rest of the text stays.
     */
    @Test
    void controlCharactersInTextDoNotBreakTheDocument() throws IOException {
        byte[] pdf = renderer.renderNow("shell/liste-pdf.ftlx", Map.of("titre", "Liste",
                "academie", "ACADEMIE DE TOULOUSE", "etablissement", "LYCÉE",
                "editeLe", "25/11/2026 14:00:00", "criteres", List.of("Mot-clé : a\u0001b\u001Bc\u007F\u0000d\uFFFEe\uD800f"),
                "colonnes", List.of("Nom"), "lignes", List.of(List.of("DUPONT\u0002"))));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Mot-clé : abc", "DUPONT");
        }
    }

    @Test
    void woffFontsBecomeTrueTypeTheLibraryAccepts() throws IOException {
        byte[] ttf;
        try (var in = getClass().getClassLoader().getResourceAsStream("static/dsfr/fonts/Marianne-Bold.woff")) {
            ttf = WoffFont.toTrueType(in.readAllBytes());
        }
        assertThat(ttf[0]).isEqualTo((byte) 0);
        assertThat(ttf[1]).isEqualTo((byte) 1);
        var font = new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(ttf));
        assertThat(font.getName()).contains("Marianne");
        assertThat(font.getUnicodeCmapLookup().getGlyphId('œ')).isPositive();
        assertThat(font.getUnicodeCmapLookup().getGlyphId('€')).isPositive();
        assertThat(font.getUnicodeCmapLookup().getGlyphId('\u00A0')).isPositive();
    }

    /** PDF text extraction turns no-break spaces and line breaks into plain spaces. */
    private static String normalise(String text) {
        return text.replace('\u00A0', ' ').replaceAll("\\s+", " ");
    }
}
