package fr.education.imagin.personnels;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff list's exports read back: CSV parsed with commons-csv, PDF with PDFBox. A person
 * whose name is a spreadsheet formula and whose first name is a script is written as text.
 */
class PersonnelsExportTest {

    private static final String NOM = "=HYPERLINK(\"http://exemple.invalid\";\"clic\")";
    private static final String PRENOM = "<script>alert('prénom')</script>";
    private static final String DISCIPLINE = "ÉDUCATION « œuvre » & Cie";

    private static String base;
    private static Browser browser;

    @BeforeAll
    static void arrange() throws SQLException {
        base = SharedPlatform.baseUrl();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("""
                    with p as (
                        insert into t_toulouse.personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                        values ('EXPORT-TEST-1', 'Mme', '%s', '%s', date '1980-02-29', '%s') returning id)
                    insert into t_toulouse.lieu_exercice (personnel_id, uai, principal) select id, '0310038Y', false from p"""
                    .formatted(NOM.replace("'", "''"), PRENOM.replace("'", "''"), DISCIPLINE));
        }
        browser = new Browser();
        browser.login(base, "toulouse", "ce.0310038y", "imagin-demo");
    }

    @AfterAll
    static void signOut() {
        browser.quit(base, "toulouse");
    }

    @Test
    void csvHasBomSemicolonsFrenchHeaderAccentsAndNeutralisedFormulas() throws IOException {
        HttpResponse<byte[]> response = bytes("/toulouse/personnels/export.csv?q=hyperlink");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/csv; charset=utf-8");
        assertThat(response.headers().firstValue("content-disposition")).hasValueSatisfying(d ->
                assertThat(d).matches("attachment; filename=\"personnels_0310038Y_\\d{8}\\.csv\".*"));
        byte[] body = response.body();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);

        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.Builder.create().setDelimiter(';').get().parse(new StringReader(text)).getRecords();
        assertThat(records.get(0).toList()).containsExactly("Nom", "Prénom", "Discipline de poste", "Dernière convoc.");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).toList()).containsExactly("'" + NOM, PRENOM, DISCIPLINE, "");
    }

    @Test
    void theScreenShowsMarkupInDataAsText() {
        String html = browser.get(base + "/toulouse/personnels/?q=hyperlink").body();
        assertThat(html).contains("&lt;script&gt;alert(&#39;prénom&#39;)&lt;/script&gt;").doesNotContain(PRENOM)
                .contains("ÉDUCATION « œuvre » &amp; Cie").contains("Liste des personnels (1 ligne)");
    }

    @Test
    void pdfHasTheAcademyHeaderTheRowsAsTextAndPageNumbers() throws IOException {
        HttpResponse<byte[]> response = bytes("/toulouse/personnels/export.pdf?q=hyperlink");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("ACADEMIE DE TOULOUSE", "LYCEE POLYVALENT PIERRE-PAUL RIQUET (0310038Y)",
                    "Liste des personnels (1 ligne)", "Mot-clé : hyperlink", "Page 1 / 1");
            // Table cells wrap long values over lines: compare without the line breaks.
            assertThat(text.replaceAll("\\s+", "")).contains(NOM.replaceAll("\\s+", ""),
                    PRENOM.replaceAll("\\s+", ""), DISCIPLINE.replaceAll("\\s+", ""));
        }
    }

    private static HttpResponse<byte[]> bytes(String path) {
        return browser.download(base + path);
    }
}
