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
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PERS-3's "personnels et leurs enseignements" and "personnels et leurs missions" exports, read
 * back (CSV with commons-csv, PDF with PDFBox), on the two people of {@link StaffWithMissions}.
 * The keyword selects just them, as on screen.
 */
class PersonnelExportsTest {

    private static final String KEYWORD = StaffWithMissions.KEYWORD;
    private static final int YEAR = StaffWithMissions.YEAR;
    private static final LocalDate DAY_ONE = StaffWithMissions.DAY_ONE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE dd/MM/uuuu", Locale.FRANCE);

    private static String base;
    private static Browser browser;

    @BeforeAll
    static void arrange() {
        base = SharedPlatform.baseUrl();
        StaffWithMissions.create();
        browser = new Browser();
        browser.login(base, "toulouse", "ce.0310038y", "imagin-demo");
    }

    @AfterAll
    static void signOut() {
        browser.quit(base, "toulouse");
    }

    @Test
    void theListOffersTheGuidesThreeDownloadGroupsAndAsksTheMissionsYears() {
        String html = browser.get(base + "/toulouse/personnels/?q=" + KEYWORD).body();
        assertThat(html).contains("Télécharger les personnels", "Télécharger les personnels et leurs enseignements",
                "Télécharger les personnels et leurs missions", "Format PDF (Liste détaillée)",
                "Années où se déroulent les missions éditées",
                // The dialog keeps the keyword, and proposes the current year - 3 to + 1, this year checked.
                "name=\"q\" value=\"" + KEYWORD + "\"", "value=\"" + (YEAR - 3) + "\"", "value=\"" + (YEAR + 1) + "\"",
                "value=\"" + YEAR + "\" checked")
                .doesNotContain("value=\"" + (YEAR - 4) + "\"");
    }

    @Test
    void teachingsCsvHasEveryTeachingOfTheSelectionAndThePeopleWithoutAny() {
        HttpResponse<byte[]> response = download("/toulouse/personnels/enseignements.csv?q=" + KEYWORD);
        assertThat(response.headers().firstValue("content-disposition")).hasValueSatisfying(d ->
                assertThat(d).matches("attachment; filename=\"personnels-enseignements_0310038Y_\\d{8}\\.csv\".*"));
        List<CSVRecord> records = csv(response);
        assertThat(records.get(0).toList()).containsExactly("Nom", "Prénom", "Discipline de poste", "Établissement",
                "Matière", "Modalité", "MEF", "Type de M.E.F.", "Structure");
        assertThat(records).hasSize(4);
        assertThat(records.get(1).toList()).containsExactly("ZZEXPORTMISSION-A", "Zoé", "MATHÉMATIQUES",
                "LYCEE POLYVALENT PIERRE-PAUL RIQUET", "MATHÉMATIQUES", "COURS", "2212010011", "SECONDE", "2NDE1");
        assertThat(records.get(2).get(4)).isEqualTo("SCIENCES NUMÉRIQUES");
        assertThat(records.get(3).toList()).containsExactly("ZZEXPORTMISSION-B", "Loïc", "ANGLAIS", "", "", "", "", "", "");
    }

    @Test
    void missionsCsvHasTheGuidesColumnsAndOnlyTheChosenYears() {
        List<CSVRecord> thisYear = csv(download("/toulouse/personnels/missions.csv?q=" + KEYWORD + "&annee=" + YEAR));
        assertThat(thisYear.get(0).toList()).containsExactly("N°", "Nom", "Prénom", "Poste", "Spécialité", "Session",
                "Examen", "Spécialité Epreuve-option", "Lieu", "Dates", "Comm.", "Jury(s)", "Qualité", "Statut");
        assertThat(thisYear).hasSize(3);
        CSVRecord convened = thisYear.get(1);
        assertThat(convened.get(0)).isEqualTo("EXP-M1");
        assertThat(convened.get(1)).isEqualTo("ZZEXPORTMISSION-A");
        assertThat(convened.get(8)).isEqualTo("LYCEE POLYVALENT PIERRE-PAUL RIQUET");
        assertThat(convened.get(9)).isEqualTo("Le " + DAY.format(DAY_ONE) + " 09:00 - 12:00 ; Le "
                + DAY.format(DAY_ONE.plusDays(1)) + " 14:00 - 17:00");
        assertThat(convened.get(10)).isEqualTo("COM1");
        assertThat(convened.get(12)).isEqualTo("Interrogateur");
        assertThat(convened.get(13)).isEqualTo("Convoqué");
        // B has no mission: listed once, mission columns empty.
        assertThat(thisYear.get(2).get(1)).isEqualTo("ZZEXPORTMISSION-B");
        assertThat(thisYear.get(2).get(0)).isEmpty();

        List<CSVRecord> twoYears = csv(download("/toulouse/personnels/missions.csv?q=" + KEYWORD
                + "&annee=" + YEAR + "&annee=" + (YEAR - 2)));
        assertThat(twoYears).extracting(r -> r.get(0)).containsExactly("N°", "EXP-M2", "EXP-M1", "");
        assertThat(twoYears.get(1).get(13)).isEqualTo("Affecté");
        assertThat(twoYears.get(1).get(9)).isEqualTo("Du " + DAY.format(LocalDate.of(YEAR - 2, 3, 10)) + " au "
                + DAY.format(LocalDate.of(YEAR - 2, 3, 11)));
    }

    @Test
    void aMissionSpanningAWholeChosenYearIsInIt() throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("set search_path to t_toulouse");
            st.execute("""
                    with p as (insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                               values ('SPAN-1', 'M.', 'ZZSPAN', 'Long', date '1970-01-01', 'HISTOIRE') returning id),
                         l as (insert into lieu_exercice (personnel_id, uai, principal) select id, '0310038Y', true from p),
                         m as (insert into mission (numero, type_code, session_id, centre_uai, date_debut, date_fin)
                               select 'EXP-LONG', (select code from type_mission order by code limit 1),
                                      (select id from session_examen order by id limit 1), '0310038Y', date '%d-12-20', date '%d-01-10'
                               returning id)
                    insert into affectation (mission_id, personnel_id, statut, auteur) select m.id, p.id, 'AFFECTEE', 'ACADEMIE' from m, p"""
                    .formatted(YEAR - 3, YEAR - 1));
        }
        // Neither its first nor its last year, but all of it.
        List<CSVRecord> middle = csv(download("/toulouse/personnels/missions.csv?q=zzspan&annee=" + (YEAR - 2)));
        assertThat(middle).extracting(r -> r.get(0)).containsExactly("N°", "EXP-LONG");
    }

    @Test
    void withoutAProposedYearTheListComesBackWithTheReasonAndNothingIsExported() {
        HttpResponse<String> none = browser.get(base + "/toulouse/personnels/missions.csv?q=" + KEYWORD + "&tri=prenom");
        assertThat(none.statusCode()).isEqualTo(302);
        assertThat(none.headers().firstValue("location")).hasValue("/toulouse/personnels/?q=" + KEYWORD + "&tri=prenom");
        assertThat(browser.get(base + "/toulouse/personnels/?q=" + KEYWORD).body())
                .contains("Choisissez au moins une année pour télécharger les missions.");

        HttpResponse<String> old = browser.get(base + "/toulouse/personnels/missions-detail.pdf?annee=1999");
        assertThat(old.statusCode()).isEqualTo(302);
        assertThat(browser.get(base + "/toulouse/personnels/").body())
                .contains("L&#39;année « 1999 » n&#39;est pas proposée : choisissez des années de " + (YEAR - 3) + " à " + (YEAR + 1) + ".");
    }

    @Test
    void missionsPdfListsEachPersonsMissions() throws IOException {
        String text = pdf("/toulouse/personnels/missions.pdf?q=" + KEYWORD + "&annee=" + YEAR);
        assertThat(text).contains("ACADEMIE DE TOULOUSE", "Liste des missions affectées par personne",
                "Années des missions : " + YEAR, "Mot-clé : " + KEYWORD,
                "Intervenant : ZZEXPORTMISSION-A Zoé", "Discipline de poste : MATHÉMATIQUES", "EXP-M1", "COM1",
                "Intervenant : ZZEXPORTMISSION-B Loïc", "Aucune mission sur les années choisies.")
                .doesNotContain("EXP-M2");
    }

    @Test
    void detailedPdfHasCoordinatesPostAndEachMissionInFull() throws IOException {
        String text = pdf("/toulouse/personnels/missions-detail.pdf?q=" + KEYWORD + "&annee=" + YEAR + "&annee=" + (YEAR - 2));
        assertThat(text).contains("Détails des missions affectées par personne", "Mme ZZEXPORTMISSION-A Zoé",
                "Adresse : 3 rue des Écoles 31000 TOULOUSE", "Téléphone : 05 61 00 00 01 / professionnel : 05 61 00 00 02",
                "Poste : MATHÉMATIQUES, LYCEE POLYVALENT PIERRE-PAUL RIQUET (0310038Y)", "N° EXP-M1", "N° EXP-M2",
                "(0310038Y)", "Durée : 2 jour(s)", "Commission : COM1", "Se présenter à l'accueil.");
    }

    private static String pdf(String path) throws IOException {
        HttpResponse<byte[]> response = download(path);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/pdf");
        // Kept beside the screenshots for reviewers to look at.
        Path saved = Path.of(System.getProperty("imagin.screenshots", "target/screenshots"))
                .resolve(path.substring(path.lastIndexOf('/') + 1, path.indexOf('?')));
        Files.createDirectories(saved.getParent());
        Files.write(saved, response.body());
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private static List<CSVRecord> csv(HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("content-type")).hasValue("text/csv; charset=utf-8");
        assertThat(response.body()).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(response.body(), StandardCharsets.UTF_8).substring(1);
        try {
            return CSVFormat.Builder.create().setDelimiter(';').get().parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<byte[]> download(String path) {
        HttpResponse<byte[]> response = browser.download(base + path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

}
