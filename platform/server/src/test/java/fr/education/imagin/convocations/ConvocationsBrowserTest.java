package fr.education.imagin.convocations;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Convocation par mission" in real Chromium as the exam centre 0310038Y of Toulouse: from the
 * list to a convocation created with the live name search, then its zip read back (java.util.zip,
 * PDFBox) and its mail queued with the PDF attached; and the discipline search that identifies
 * and ticks the centre's teachers. Every screen checked with axe-core.
 */
class ConvocationsBrowserTest {

    private static final String OBSERVATION = "Apporter une pièce d'identité.";

    private BrowserSession browser;
    private Page page;

    @BeforeEach
    void open() {
        MissionOpenToCentre.create();
        browser = BrowserSession.open(SharedPlatform.baseUrl());
        page = browser.login("toulouse", "ce.0310038y");
    }

    @AfterEach
    void close() {
        browser.closeExpectingCleanConsole();
    }

    @Test
    void listDetailFormWithErrorsThenConvokeByNameDownloadTheZipAndQueueTheMail() throws Exception {
        // The list: missions of the centre open to its convocations.
        browser.go("/toulouse/convocations/");
        assertThat(page.locator("h1")).hasText("Convocation par mission");
        assertThat(page.locator(".imagin-liste__titre")).hasText(Pattern.compile("Liste des missions \\(\\d+ lignes?\\)"));
        Axe.assertNoViolations(page);
        browser.screenshot("50-convocations-liste");
        page.getByLabel("Filtrer par mot-clé").pressSequentially("zzparcours", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator(".imagin-liste__titre")).hasText("Liste des missions (1 ligne)");
        assertThat(page.locator("tbody tr").first()).containsText(MissionOpenToCentre.NUMERO);
        page.locator("tbody tr").first().locator("td").nth(4).click();

        // The detail: nobody convened yet.
        page.waitForURL(Pattern.compile(".*/toulouse/convocations/" + MissionOpenToCentre.mission + "\\?retour=.*"));
        assertThat(page.locator("h1")).hasText("Mission n° " + MissionOpenToCentre.NUMERO + " : Interrogation orale");
        assertThat(page.locator("#table-convoques-titre")).hasText("Liste des intervenants convoqués (0 ligne)");
        Axe.assertNoViolations(page);
        browser.screenshot("51-convocations-detail");

        // The form; "Convoquer" with nobody identified and no qualité is refused and says why.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Créer une convocation")).click();
        page.waitForURL(Pattern.compile(".*/toulouse/convocations/" + MissionOpenToCentre.mission + "/nouvelle"));
        assertThat(page.locator("h1")).hasText("Créer une convocation");
        Axe.assertNoViolations(page);
        browser.screenshot("52-convocations-formulaire");
        page.locator("#convoquer").click();
        page.waitForLoadState();
        assertThat(page.locator("#saisie-erreurs")).containsText(SaisieConvocation.AUCUN_INTERVENANT);
        // The office's qualités are optional ("Vous pouvez préciser", guide §4.2.3).
        assertThat(page.locator("#saisie-erreurs")).not().containsText("qualité");
        // No search made: the "nobody found" advice stays hidden.
        assertThat(page.locator("#recherche-aucun")).isHidden();
        assertThat(page.locator("#console-messages")).containsText("La convocation n'a pas été enregistrée.");
        Axe.assertNoViolations(page);
        browser.screenshot("53-convocations-formulaire-erreurs");
        assertThat(countAffectations()).isZero();

        // The name search suggests while typing; picking the suggestion identifies and ticks the person.
        page.locator("#recherche-nom").pressSequentially("zzparcours-n", new Locator.PressSequentiallyOptions().setDelay(30));
        Locator suggestion = page.locator("#suggestions-nom button")
                .filter(new Locator.FilterOptions().setHasText(MissionOpenToCentre.NOM + " " + MissionOpenToCentre.PRENOM));
        assertThat(suggestion).hasCount(1);
        suggestion.click();
        Locator box = page.locator("#personnel-" + MissionOpenToCentre.person);
        assertThat(box).isChecked();
        assertThat(page.locator("#suggestions-nom button")).hasCount(0);

        page.locator("#qualite").selectOption("Examinateur");
        LocalDate first = MissionOpenToCentre.DAY_ONE;
        LocalDate second = first.plusDays(1);
        LocalDate third = first.plusDays(2);
        tick(first, true);
        tick(second, true);
        tick(third, false);
        page.locator("#debut-" + first).fill("08:30");
        page.locator("#fin-" + first).fill("12:00");
        page.locator("#debut-" + second).fill("13:30");
        page.locator("#fin-" + second).fill("17:15");
        page.locator("#observation").fill(OBSERVATION);
        page.locator("#convoquer").click();

        // Back on the detail with the console message and the centre's row.
        page.waitForURL(Pattern.compile(".*/toulouse/convocations/" + MissionOpenToCentre.mission));
        assertThat(page.locator("#console-messages")).containsText(
                "L'intervenant est convoqué sur la mission n° " + MissionOpenToCentre.NUMERO + ".");
        assertThat(page.locator("#table-convoques-titre")).hasText("Liste des intervenants convoqués (1 ligne)");
        Locator row = page.locator("#table-convoques tbody tr").first();
        assertThat(row).containsText(MissionOpenToCentre.NOM);
        assertThat(row).containsText("Convoquée par centre, Examinateur, Dates spéc, Obs. spéc");
        Axe.assertNoViolations(page);
        browser.screenshot("54-convocations-detail-convoque");
        assertThat(creneaux()).containsExactly(Map.entry(first, "08:30-12:00"), Map.entry(second, "13:30-17:15"));

        // The zip: one PDF named after the person, with the observation and both dates.
        Download download = page.waitForDownload(() -> page.locator("#convocations-zip").click());
        assertThat(download.suggestedFilename()).endsWith(".zip").contains(MissionOpenToCentre.NUMERO);
        Map<String, byte[]> entries = unzip(Files.readAllBytes(download.path()));
        String fileName = MissionOpenToCentre.NOM + "_" + MissionOpenToCentre.PRENOM + ".pdf";
        assertThat(entries).containsOnlyKeys(fileName);
        assertThat(text(entries.get(fileName))).contains(OBSERVATION, FrenchFormats.dayDate(first), FrenchFormats.dayDate(second),
                "08:30", "12:00", "13:30", "17:15", "Dossier suivi par le centre d'examen")
                .doesNotContain(FrenchFormats.date(third));

        // The mails: queued (no SMTP server in tests), the PDF attached.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer convocations par mail")).click();
        page.waitForURL(Pattern.compile(".*/toulouse/convocations/" + MissionOpenToCentre.mission));
        assertThat(page.locator("#console-messages")).containsText("La convocation est placée dans la file des méls");
        Axe.assertNoViolations(page);
        try (Connection conn = SharedPlatform.jdbc(); PreparedStatement query = conn.prepareStatement("""
                select m.sujet, m.state, m.copie, j.nom, j.type_contenu, j.contenu from t_toulouse.mail_outbox m
                join t_toulouse.mail_piece_jointe j on j.mail_id = m.id where m.destinataire = ?""")) {
            query.setString(1, MissionOpenToCentre.MAIL);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a queued mail with its attachment").isTrue();
                assertThat(rows.getString("sujet")).isEqualTo("Convocation - mission n° " + MissionOpenToCentre.NUMERO
                        + " - Interrogation orale");
                assertThat(rows.getString("state")).isEqualTo("EN_ATTENTE");
                assertThat(rows.getString("nom")).isEqualTo(fileName);
                assertThat(rows.getString("type_contenu")).isEqualTo("application/pdf");
                assertThat(text(rows.getBytes("contenu"))).contains(OBSERVATION, "Dossier suivi par le centre d'examen");
                assertThat(rows.next()).as("one mail, one attachment").isFalse();
            }
        }
    }

    @Test
    void theDisciplineSearchIdentifiesAndTicksEveryTeacherOfTheCentre() {
        String form = "/toulouse/convocations/" + MissionOpenToCentre.mission + "/nouvelle";
        browser.go(form);
        page.locator("#recherche-discipline").pressSequentially("zzparcoursdisc", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator("#identifies input[name=personnel]")).hasCount(2);
        assertThat(page.locator("#personnel-" + MissionOpenToCentre.teacherB)).isChecked();
        assertThat(page.locator("#personnel-" + MissionOpenToCentre.teacherC)).isChecked();
        assertThat(page.locator("#identifies")).containsText("ZZPARCOURS-PROF-B Bastien");
        Axe.assertNoViolations(page);

        // Without script the search comes back as a query and the server ticks them the same way.
        browser.go(form + "?discipline=zzparcoursdisc");
        assertThat(page.locator("#identifies input[name=personnel]:checked")).hasCount(2);
        // A name search only proposes.
        browser.go(form + "?nom=zzparcours-prof-b");
        assertThat(page.locator("#personnel-" + MissionOpenToCentre.teacherB)).not().isChecked();
    }

    /** The DSFR draws the box on the label: the user clicks the label. */
    private void tick(LocalDate day, boolean checked) {
        Locator box = page.locator("#jour-" + day);
        if (box.isChecked() != checked) {
            page.locator("label[for='jour-" + day + "']").click();
        }
        if (checked) {
            assertThat(box).isChecked();
        } else {
            assertThat(box).not().isChecked();
        }
    }

    private static long countAffectations() throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); PreparedStatement query = conn.prepareStatement(
                "select count(*) from t_toulouse.affectation where mission_id = ?")) {
            query.setLong(1, MissionOpenToCentre.mission);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The créneaux of the person's convocation on the mission, as saved. */
    private static Map<LocalDate, String> creneaux() throws SQLException {
        Map<LocalDate, String> found = new LinkedHashMap<>();
        try (Connection conn = SharedPlatform.jdbc(); PreparedStatement query = conn.prepareStatement("""
                select k.jour, to_char(k.heure_debut, 'HH24:MI') || '-' || to_char(k.heure_fin, 'HH24:MI')
                from t_toulouse.affectation a join t_toulouse.affectation_creneau k on k.affectation_id = a.id
                where a.mission_id = ? and a.personnel_id = ? and a.statut = 'CONVOQUEE_PAR_CENTRE' and a.auteur = 'CENTRE'
                order by k.jour""")) {
            query.setLong(1, MissionOpenToCentre.mission);
            query.setLong(2, MissionOpenToCentre.person);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getObject(1, LocalDate.class), rows.getString(2));
                }
            }
        }
        return found;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
