package fr.education.imagin.signatures;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guide §4.4 over HTTP against the real platform: the LPO 0310038Y (an exam centre of Toulouse)
 * saves its two signature blocks; bad input is refused with the reason and changes nothing; the
 * preview is a convocation signed with what was typed, saved or not.
 */
class SignaturesRoutesTest {

    private static final String CENTRE = "/toulouse/signature-centre/";
    private static final String ETABLISSEMENT = "/toulouse/signature-etablissement/";

    private static String base;
    private static Browser browser;

    @BeforeAll
    static void signIn() {
        base = SharedPlatform.baseUrl();
        browser = new Browser();
        browser.login(base, "toulouse", "ce.0310038y", "imagin-demo");
    }

    @AfterAll
    static void signOut() {
        browser.quit(base, "toulouse");
    }

    @Test
    void theFormShowsTheSavedBlockAndSavingReplacesItWithAnAuditEntry() throws SQLException {
        assertThat(browser.get(base + CENTRE).body()).contains("Signature centre pour la convocation", "Chef de centre",
                "value=\"" + signature("CENTRE").get(2) + "\"");

        HttpResponse<String> saved = browser.submit(base + CENTRE, base + CENTRE, Map.of("autorite", "Pour le recteur",
                "intitule", "Le chef de centre", "nom", "Hélène D'ARTOIS", "ville", "Toulouse"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(signature("CENTRE")).containsExactly("Pour le recteur", "Le chef de centre", "Hélène D'ARTOIS", "Toulouse");
        assertThat(browser.get(base + CENTRE).body()).contains("La signature du chef de centre est enregistrée",
                "value=\"Hélène D&#39;ARTOIS\"");
        assertThat(count("select count(*) from platform.audit where action = 'SIGNATURE_ENREGISTREE'"
                + " and detail like 'uai=0310038Y signataire=CENTRE%'")).isPositive();

        browser.submit(base + ETABLISSEMENT, base + ETABLISSEMENT, Map.of("autorite", "", "intitule", "La proviseure",
                "nom", "Anne MARTIN", "ville", "Toulouse"));
        assertThat(signature("ETABLISSEMENT")).containsExactly("", "La proviseure", "Anne MARTIN", "Toulouse");
        // The other signatory's block is untouched.
        assertThat(signature("CENTRE").get(2)).isEqualTo("Hélène D'ARTOIS");
    }

    /** Issue 11 point 8: each block's examples are its own signatory's, in the académie's and the establishment's terms. */
    @Test
    void theExamplesFitTheBlockAndTheAcademy() {
        String etablissement = browser.get(base + ETABLISSEMENT).body();
        assertThat(etablissement).contains("Par exemple : Le chef d&#39;établissement", "Par exemple : Toulouse",
                "Par exemple : Pour le recteur et par délégation").doesNotContain("Par exemple : Le chef de centre");
        assertThat(browser.get(base + CENTRE).body()).contains("Par exemple : Le chef de centre", "Par exemple : Toulouse");

        // The same lycée as an exam centre of the SIEC, which has a director, not a rector.
        assertThat(browser.get(base + "/siec/").statusCode()).isEqualTo(200);
        String siec = browser.get(base + "/siec/signature-etablissement/").body();
        assertThat(siec).contains("Par exemple : Pour le directeur et par délégation", "Par exemple : Le chef d&#39;établissement")
                .doesNotContain("Par exemple : Pour le recteur", "Par exemple : Le chef de centre");
    }

    @Test
    void badInputIsRefusedWithTheReasonAndChangesNothing() throws SQLException {
        List<String> before = signature("CENTRE");
        HttpResponse<String> noName = browser.submit(base + CENTRE, base + CENTRE,
                Map.of("autorite", "X", "intitule", "Y", "nom", "  ", "ville", "Toulouse"));
        assertThat(noName.statusCode()).isEqualTo(303);
        assertThat(redrawn(noName).body()).contains("Erreur : le champ « Nom » est obligatoire ; rien n&#39;a été enregistré.")
                .contains("value=\"X\"");
        HttpResponse<String> tooLong = browser.submit(base + CENTRE, base + CENTRE,
                Map.of("autorite", "X", "intitule", "Y", "nom", "Z", "ville", "V".repeat(101)));
        assertThat(tooLong.statusCode()).isEqualTo(303);
        assertThat(redrawn(tooLong).body()).contains("le champ « Ville » dépasse 100 caractères");
        assertThat(signature("CENTRE")).isEqualTo(before);
    }

    /** Issue #10 point 3: the form drawn again after a refusal (save or preview) keeps what was typed and can be submitted. */
    @Test
    void theFormDrawnAgainAfterARefusalCanBeCorrectedAndSaved() throws SQLException {
        for (String action : List.of(CENTRE, CENTRE + "apercu.pdf")) {
            HttpResponse<String> refused = browser.submit(base + CENTRE, base + action,
                    Map.of("autorite", "A", "intitule", "B", "nom", "Corrigé " + action.length(), "ville", ""));
            String again = redrawn(refused).body();
            assertThat(again).contains("le champ « Ville » est obligatoire", "value=\"Corrigé " + action.length() + "\"");
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"X-XSRF-TOKEN\" value=\"([^\"]*)\"").matcher(again);
            assertThat(token.find()).isTrue();
            HttpResponse<String> saved = browser.post(base + CENTRE, Map.of("autorite", "A", "intitule", "B",
                    "nom", "Corrigé " + action.length(), "ville", "Toulouse", "X-XSRF-TOKEN", token.group(1)));
            assertThat(saved.statusCode()).as(action).isEqualTo(302);
            assertThat(signature("CENTRE")).containsExactly("A", "B", "Corrigé " + action.length(), "Toulouse");
        }
    }

    /** The page the user sees after a submission: the answer itself, or where it redirects. */
    private static HttpResponse<String> redrawn(HttpResponse<String> answer) {
        return answer.statusCode() / 100 == 3
                ? browser.get(answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow()).toString())
                : answer;
    }

    @Test
    void aWriteWithoutTheFormsTokenIsRefused() throws Exception {
        List<String> before = signature("CENTRE");
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + CENTRE))
                .header("Cookie", browser.cookieHeader()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("nom=Pirate&ville=Nulle+part")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(signature("CENTRE")).isEqualTo(before);
    }

    @Test
    void thePreviewIsAConvocationSignedWithWhatWasTypedAndSavesNothing() throws IOException, SQLException {
        List<String> before = signature("ETABLISSEMENT");
        HttpResponse<String> page = browser.get(base + ETABLISSEMENT);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> preview = browser.submitForBytes(base + ETABLISSEMENT, base + ETABLISSEMENT + "apercu.pdf",
                Map.of("autorite", "Par délégation", "intitule", "Le proviseur", "nom", "Jean ESSAI-APERÇU", "ville", "Muret"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("content-type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(preview.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Convocation", "Aperçu : convocation fictive",
                    "LYCEE POLYVALENT PIERRE-PAUL RIQUET (0310038Y)", "À Muret, le", "Par délégation", "Le proviseur",
                    "Jean ESSAI-APERÇU");
            // Issue 11 point 9: the header's time on one line, the académie clear of the Marianne block.
            assertThat(new PDFTextStripper().getText(pdf)).containsPattern("Édité le \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}\\R");
            Map<String, float[]> spans = spans(pdf, "FRANÇAISE", "ACADEMIE");
            assertThat(spans.get("ACADEMIE")[0] - spans.get("FRANÇAISE")[1]).as("gap between logo and académie (pt)")
                    .isGreaterThanOrEqualTo(8f);
        }
        assertThat(signature("ETABLISSEMENT")).isEqualTo(before);
    }

    /** The horizontal extent [start, end] of the first line of page 1 starting with each word. */
    private static Map<String, float[]> spans(PDDocument pdf, String... words) throws IOException {
        Map<String, float[]> found = new java.util.HashMap<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) throws IOException {
                for (String word : words) {
                    if (!found.containsKey(word) && text.startsWith(word) && !positions.isEmpty()) {
                        org.apache.pdfbox.text.TextPosition last = positions.get(Math.min(word.length(), positions.size()) - 1);
                        found.put(word, new float[]{positions.get(0).getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj()});
                    }
                }
                super.writeString(text, positions);
            }
        };
        stripper.setStartPage(1);
        stripper.setEndPage(1);
        stripper.getText(pdf);
        assertThat(found).containsKeys(words);
        return found;
    }

    /** autorité, intitulé, nom, ville of 0310038Y's block for {@code role}. */
    private static List<String> signature(String role) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rows = st.executeQuery("select autorite, intitule, nom, ville from t_toulouse.signature"
                     + " where uai = '0310038Y' and role = '" + role + "'")) {
            assertThat(rows.next()).isTrue();
            return List.of(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4));
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement(); ResultSet rows = st.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
