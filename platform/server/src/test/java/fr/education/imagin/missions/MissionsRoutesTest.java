package fr.education.imagin.missions;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
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
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Consultation des missions" over HTTP as the exam centre 0310038Y of Toulouse (MIS-1 … MIS-4):
 * the list and its counts against SQL, the year and exam filters and their refusals, the
 * exports read back (CSV with commons-csv, PDF with PDFBox), the detail with its affectations'
 * details, the duplicate convocations, and the 404 of every mission that is not the centre's.
 */
class MissionsRoutesTest {

    private static final int YEAR = CentreMissions.YEAR;
    private static final Pattern TITLE = Pattern.compile("Liste des missions \\(([\\d\u202f\u00a0 ]+) lignes?\\)");

    private static String base;
    private static Browser browser;

    @BeforeAll
    static void arrange() {
        CentreMissions.create();
        base = SharedPlatform.baseUrl() + "/toulouse/missions/";
        browser = new Browser();
        browser.login(SharedPlatform.baseUrl(), "toulouse", "ce.0310038y", "imagin-demo");
    }

    @AfterAll
    static void signOut() {
        browser.quit(SharedPlatform.baseUrl(), "toulouse");
    }

    @Test
    void theListShowsTheCentresConvenedMissionsOfTheCurrentYearByDefault() throws SQLException {
        String html = page("");
        assertThat(count(html)).isEqualTo(sqlCount("s.annee = " + YEAR));
        assertThat(html).contains("Consultation des missions", ">N°<", "Session examen", "Spécialité", "Epreuve-option",
                "Type de mission", "Début", "Nbr. itv.", "Filtrer missions",
                // The current year - 3 to + 1 offered, the current one checked.
                "value=\"" + (YEAR - 3) + "\"", "value=\"" + (YEAR + 1) + "\"", "value=\"" + YEAR + "\" checked")
                .doesNotContain("value=\"" + (YEAR - 4) + "\"");
        String row = page("?q=zzmis");
        assertThat(count(row)).isEqualTo(1);
        assertThat(row).contains("ZZMIS-1", "/toulouse/missions/" + CentreMissions.mission + "?retour=")
                .doesNotContain("ZZMIS-2", "ZZMIS-3");
        // Three convened of four assigned.
        assertThat(row).containsPattern("<td>3</td>");
    }

    @Test
    void everyOfferedYearShowsEveryConvenedMissionOfThoseYears() throws SQLException {
        StringBuilder years = new StringBuilder("?");
        for (int y = YEAR - 3; y <= YEAR + 1; y++) {
            years.append("annee=").append(y).append('&');
        }
        assertThat(count(page(years.toString()))).isEqualTo(sqlCount("s.annee between " + (YEAR - 3) + " and " + (YEAR + 1)));
    }

    @Test
    void theExamFilterOffersOnlyTheCentresExamsAndNarrowsTheList() throws SQLException {
        String html = page("");
        List<String> offered = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"examen\" value=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            offered.add(m.group(1));
        }
        assertThat(offered).containsExactlyInAnyOrderElementsOf(strings("""
                select distinct s.examen_code from mission m join session_examen s on s.id = m.session_id
                where m.centre_uai = '0310038Y'
                  and exists (select 1 from affectation a where a.mission_id = m.id and a.statut <> 'AFFECTEE')"""));
        String exam = CentreMissions.examen;
        String filtered = page("?examen=" + exam);
        assertThat(count(filtered)).isEqualTo(sqlCount("s.annee = " + YEAR + " and s.examen_code = '" + exam + "'"));
        assertThat(filtered).contains("value=\"" + exam + "\" checked");
    }

    @Test
    void aYearOrAnExamNotOfferedIsRefusedAndChangesNothing() throws SQLException {
        long byDefault = sqlCount("s.annee = " + YEAR);
        String year = page("?annee=" + (YEAR - 10));
        assertThat(year).contains("L&#39;année « " + (YEAR - 10) + " » n&#39;est pas proposée");
        assertThat(count(year)).isEqualTo(byDefault);
        String exam = page("?examen=" + URLEncoder.encode("<b>ZZZ</b>", StandardCharsets.UTF_8));
        assertThat(exam).contains("L&#39;examen « &lt;b&gt;ZZZ&lt;/b&gt; » n&#39;est pas proposé").doesNotContain("<b>ZZZ</b>");
        assertThat(count(exam)).isEqualTo(byDefault);
    }

    @Test
    void theCsvHasTheListedMissions() throws SQLException {
        HttpResponse<byte[]> response = browser.download(base + "export.csv");
        assertThat(response.statusCode()).isEqualTo(200);
        List<CSVRecord> records = csv(response.body());
        assertThat(records.get(0).toList()).containsExactly("N°", "Session examen", "Spécialité", "Epreuve-option",
                "Type de mission", "Début", "Nbr. itv.");
        assertThat(records.subList(1, records.size()).stream().map(r -> r.get(0)).toList())
                .containsExactlyInAnyOrderElementsOf(strings(sqlMissions("s.annee = " + YEAR, "m.numero")));
        CSVRecord ours = records.stream().filter(r -> r.get(0).equals("ZZMIS-1")).findFirst().orElseThrow();
        assertThat(ours.get(6)).isEqualTo("3");
        // The session's Cyclades label as it stands, e.g. "470, BCG, 2026 ,BGT 2026" (SPEC vocabulary).
        assertThat(ours.get(1)).matches(CentreMissions.examen + ", [^,]+, " + YEAR + " ?,.+");
    }

    @Test
    void theListAndDetailsPdfsHaveTheListedMissionsAndTheirConvenedIntervenantsOnly() {
        String list = pdf(base + "export.pdf?q=zzmis");
        assertThat(list).contains("Liste des missions (1 ligne)", "ZZMIS-1", "Mot-clé : zzmis", "Année : " + YEAR);
        String details = pdf(base + "details.pdf?q=zzmis");
        assertThat(details).contains("Détails des missions", "Mission n° ZZMIS-1", "ZZMISSIONCENTRE-A", "ZZMISSIONCENTRE-B",
                "ZZMISSIONCENTRE-C", "Vice-président", "J-01", "C-01", "B12")
                .doesNotContain("ZZMISSIONCENTRE-D", "ZZMIS-2", "ZZMIS-3");
    }

    @Test
    void theDetailRecapsTheMissionAndListsItsConvenedIntervenants() {
        HttpResponse<String> response = browser.get(base + CentreMissions.mission + "?retour=q%3Dzzmis");
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        assertThat(html).contains("Numéro mission", "ZZMIS-1", "Type de mission", "Date début mission",
                        "Session examen", "Spécialité", "Epreuve-option",
                        "Liste des intervenants convoqués (3 lignes)", "Etablissement principal", "Tél pers.", "Tél prof.",
                        "ZZMISSIONCENTRE-A", "06 00 00 00 01", "05 00 00 00 01", "Vice-président (J-01)",
                        "Commission n° C-01", "Dates spécifiques : " + CentreMissions.DAY_ONE.plusDays(1).format(
                                java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")),
                        "Détails de l'affectation", "Apporter les sujets.", "B12", "08:00", "18:30",
                        "href=\"/toulouse/missions/?q=zzmis\"",
                        "/toulouse/missions/" + CentreMissions.mission + "/convocations/" + CentreMissions.president,
                        "Extraction CSV", "Télécharger liste par jury (pdf)", "Télécharger détails (pdf)", "Filtrer par mot-clé")
                .doesNotContain("ZZMISSIONCENTRE-D", "/convocations/" + CentreMissions.assigned);
    }

    @Test
    void theDetailExportsHaveTheConvenedIntervenantsByJuryAndInDetail() {
        String path = base + CentreMissions.mission;
        List<CSVRecord> records = csv(browser.download(path + "/intervenants.csv").body());
        assertThat(records.get(0).toList()).startsWith("Nom", "Prénom", "Etablissement principal", "Tél pers.", "Tél prof.", "Qualité");
        assertThat(records).hasSize(4);
        assertThat(records.stream().map(r -> r.get(0)).toList())
                .containsExactly("Nom", "ZZMISSIONCENTRE-A", "ZZMISSIONCENTRE-B", "ZZMISSIONCENTRE-C");
        assertThat(records.get(1).get(5)).isEqualTo("Vice-président (J-01)");
        String jurys = pdf(path + "/jurys.pdf");
        assertThat(jurys).contains("Liste des intervenants convoqués par jury", "Jury J-01", "Sans jury", "ZZMISSIONCENTRE-A")
                .doesNotContain("ZZMISSIONCENTRE-D");
        assertThat(jurys.indexOf("Jury J-01")).isLessThan(jurys.indexOf("Sans jury"));
        assertThat(jurys.indexOf("ZZMISSIONCENTRE-A")).isLessThan(jurys.indexOf("Sans jury"));
        assertThat(pdf(path + "/details.pdf")).contains("Mission n° ZZMIS-1", "ZZMISSIONCENTRE-B", "18:30")
                .doesNotContain("ZZMISSIONCENTRE-D", "Année :");
    }

    @Test
    void theDuplicateConvocationSaysWhoFollowsTheFile() {
        String path = base + CentreMissions.mission + "/convocations/";
        HttpResponse<byte[]> academy = browser.download(path + CentreMissions.president);
        assertThat(academy.statusCode()).isEqualTo(200);
        assertThat(academy.headers().firstValue("content-type")).hasValue("application/pdf");
        assertThat(text(academy.body())).contains("Anaïs ZZMISSIONCENTRE-A", "en qualité de vice-présidente")
                .doesNotContain("Dossier suivi par le centre d'examen");
        String centre = text(browser.download(path + CentreMissions.byCentre).body());
        assertThat(centre).contains("Bruno ZZMISSIONCENTRE-B", "Dossier suivi par le centre d'examen");
    }

    @Test
    void aMissionOrConvocationThatIsNotTheCentresIsNotFound() {
        for (String path : List.of(String.valueOf(CentreMissions.elsewhere), String.valueOf(CentreMissions.notConvened), "abc",
                "99999999999", CentreMissions.elsewhere + "/intervenants.csv", CentreMissions.elsewhere + "/jurys.pdf",
                CentreMissions.elsewhere + "/details.pdf",
                CentreMissions.elsewhere + "/convocations/" + CentreMissions.elsewhereAffectation,
                // Another mission's convocation through this one, an assigned one, not an id.
                CentreMissions.mission + "/convocations/" + CentreMissions.elsewhereAffectation,
                CentreMissions.mission + "/convocations/" + CentreMissions.assigned,
                CentreMissions.mission + "/convocations/x")) {
            HttpResponse<String> response = browser.get(base + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("introuvable").doesNotContain("ZZMIS-3", "ZZMISSIONCENTRE");
        }
    }

    private static String page(String query) {
        HttpResponse<String> response = browser.get(base + query);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static long count(String html) {
        Matcher m = TITLE.matcher(html);
        assertThat(m.find()).as("list title with its count").isTrue();
        return Long.parseLong(m.group(1).replaceAll("\\D", ""));
    }

    private static String sqlMissions(String condition, String select) {
        return """
                select %s from mission m join session_examen s on s.id = m.session_id
                where m.centre_uai = '0310038Y' and %s
                  and exists (select 1 from affectation a where a.mission_id = m.id and a.statut in ('CONVOQUEE', 'CONVOQUEE_PAR_CENTRE'))"""
                .formatted(select, condition);
    }

    private static long sqlCount(String condition) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("set search_path to t_toulouse");
            return TestSql.single(st, sqlMissions(condition, "count(*)"));
        }
    }

    private static List<String> strings(String sql) {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("set search_path to t_toulouse");
            List<String> values = new ArrayList<>();
            try (ResultSet rows = st.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CSVRecord> csv(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            return CSVFormat.Builder.create().setDelimiter(';').get().parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Issue 11 point 9: a mission whose table outgrows the first page starts on it, under the title. */
    @Test
    void theDetailedListStartsOnItsFirstPage() throws IOException {
        HttpResponse<byte[]> response = browser.download(base + "details.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(response.body())) {
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setStartPage(1);
            firstPage.setEndPage(1);
            String text = firstPage.getText(document);
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(text).as("page 1 of %d", document.getNumberOfPages()).contains("Mission n° ", "Nom", "Prénom");
        }
    }

    private static String pdf(String url) {
        HttpResponse<byte[]> response = browser.download(url);
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/pdf");
        return text(response.body());
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Table cells wrap long words at their hyphen: read them whole.
            return new PDFTextStripper().getText(document).replaceAll("-\\R", "-").replaceAll("\\R", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
