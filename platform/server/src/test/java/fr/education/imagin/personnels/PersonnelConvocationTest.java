package fr.education.imagin.personnels;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PERS-4: each convened affectation of the detail's first tab downloads its convocation, a PDF
 * named after the person with the mission, dates and times, qualité, observations and the
 * signature the mission asks for (CONV-14); nothing else is downloadable that way. An
 * unavailability left by another académie's convocation opens that convocation's recap.
 */
class PersonnelConvocationTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE dd/MM/uuuu", Locale.FRANCE);

    private static String base;
    private static Browser browser;
    private static long zoe;
    private static long loic;
    private static long convened;
    private static long notConvened;
    private static String signataire;
    private static String intitule;
    private static long recap;
    private static long ordinary;

    @BeforeAll
    static void arrange() throws SQLException {
        StaffWithMissions.create();
        base = SharedPlatform.baseUrl();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("set search_path to t_toulouse");
            zoe = single(st, "select id from personnel where numen = 'EXPMIS-A'");
            loic = single(st, "select id from personnel where numen = 'EXPMIS-B'");
            convened = single(st, "select a.id from affectation a join mission m on m.id = a.mission_id where m.numero = 'EXP-M1'");
            notConvened = single(st, "select a.id from affectation a join mission m on m.id = a.mission_id where m.numero = 'EXP-M2'");
            // INDISPO-4 as the SIEC leaves it: Zoé is unavailable while convened there, with the recap.
            recap = single(st, """
                    insert into indisponibilite (personnel_id, debut, fin, motif, origine, academie_convocation, convocation)
                    values (%d, timestamp '%s 08:00', timestamp '%s 12:00', 'Convocation par IMAG''IN SIEC', 'AUTRE_ACADEMIE', 'siec',
                            '{"academie": "SERVICE INTERACADEMIQUE DES EXAMENS ET CONCOURS", "numero": "154321",
                              "mission": "Interrogation orale", "session": "430, BTN, 2026 ,BGT 2026", "epreuve": "T048A, Grand oral",
                              "centre": "MAISON DES EXAMENS ARCUEIL (0942291Y)", "qualite": "Examinateur",
                              "creneaux": [{"jour": "%s", "debut": "08:00", "fin": "12:00"}]}')
                    returning id""".formatted(zoe, StaffWithMissions.DAY_ONE.plusDays(7), StaffWithMissions.DAY_ONE.plusDays(7),
                    StaffWithMissions.DAY_ONE.plusDays(7)));
            ordinary = single(st, """
                    insert into indisponibilite (personnel_id, debut, fin, motif, origine, declarant_uai)
                    values (%d, timestamp '2026-01-05 08:00', timestamp '2026-01-05 12:00', 'Conseil de classe', 'ETABLISSEMENT', '0310038Y')
                    returning id""".formatted(zoe));
            // The fixture's missions are COEC, whose plugin rule has the head of establishment sign (CONV-14, EC-5).
            try (ResultSet rows = st.executeQuery("select nom, intitule from signature where uai = '0310038Y' and role = 'ETABLISSEMENT'")) {
                rows.next();
                signataire = rows.getString(1);
                intitule = rows.getString(2);
            }
        }
        browser = new Browser();
        browser.login(base, "toulouse", "ce.0310038y", "imagin-demo");
    }

    @AfterAll
    static void signOut() {
        browser.quit(base, "toulouse");
    }

    @Test
    void theFirstTabLinksEachConvocation() {
        String html = browser.get(base + "/toulouse/personnels/" + zoe).body();
        assertThat(html).contains("href=\"/toulouse/personnels/" + zoe + "/convocations/" + convened + "\"")
                .doesNotContain("/convocations/" + notConvened);
    }

    @Test
    void theConvocationIsAPdfNamedAfterThePersonWithEverythingTheyNeed() throws IOException {
        HttpResponse<byte[]> response = browser.download(base + "/toulouse/personnels/" + zoe + "/convocations/" + convened);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("content-disposition")).hasValue(
                "attachment; filename=\"ZZEXPORTMISSION-A_Zoe.pdf\"; filename*=UTF-8''ZZEXPORTMISSION-A_Zo%C3%A9.pdf");
        Path saved = Path.of(System.getProperty("imagin.screenshots", "target/screenshots")).resolve("convocation.pdf");
        Files.createDirectories(saved.getParent());
        Files.write(saved, response.body());
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("ACADEMIE DE TOULOUSE", "Division des examens et concours", "Convocation",
                    "Mme Zoé ZZEXPORTMISSION-A", "3 rue des Écoles", "31000 TOULOUSE",
                    "Vous êtes convoquée en qualité d'interrogatrice à la mission suivante", "N° EXP-M1",
                    "LYCEE POLYVALENT PIERRE-PAUL RIQUET (0310038Y)", "COM1",
                    "Le " + DAY.format(StaffWithMissions.DAY_ONE) + " de 09:00 à 12:00",
                    "Le " + DAY.format(StaffWithMissions.DAY_ONE.plusDays(1)) + " de 14:00 à 17:00",
                    "Se présenter à l'accueil.", intitule, signataire);
        }
    }

    @Test
    void onlyAConvenedAffectationOfThatPersonIsAConvocation() {
        // Assigned but not convened yet: no convocation exists.
        assertThat(browser.get(base + "/toulouse/personnels/" + zoe + "/convocations/" + notConvened).statusCode()).isEqualTo(404);
        // Someone else's convocation through a colleague's page.
        HttpResponse<String> other = browser.get(base + "/toulouse/personnels/" + loic + "/convocations/" + convened);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("Convocation introuvable").doesNotContain("EXP-M1");
        assertThat(browser.get(base + "/toulouse/personnels/" + zoe + "/convocations/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void aConvocationByAnotherAcademyOpensItsRecapFromTheUnavailabilitiesTab() {
        String tab = browser.get(base + "/toulouse/personnels/" + zoe).body();
        assertThat(tab).contains("href=\"/toulouse/personnels/" + zoe + "/indisponibilites/" + recap + "\"")
                .doesNotContain("/indisponibilites/" + ordinary + "\"");
        HttpResponse<String> page = browser.get(base + "/toulouse/personnels/" + zoe + "/indisponibilites/" + recap);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Récapitulatif de convocation", "SERVICE INTERACADEMIQUE DES EXAMENS ET CONCOURS",
                "N° 154321 Interrogation orale", "T048A, Grand oral", "MAISON DES EXAMENS ARCUEIL (0942291Y)", "Examinateur",
                "Le " + DAY.format(StaffWithMissions.DAY_ONE.plusDays(7)) + " de 08:00 à 12:00",
                "href=\"/toulouse/personnels/" + zoe + "\"");
    }

    @Test
    void onlyAConvocationElsewhereOfThatPersonHasARecap() {
        assertThat(browser.get(base + "/toulouse/personnels/" + zoe + "/indisponibilites/" + ordinary).statusCode()).isEqualTo(404);
        HttpResponse<String> other = browser.get(base + "/toulouse/personnels/" + loic + "/indisponibilites/" + recap);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("154321");
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rows = st.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
