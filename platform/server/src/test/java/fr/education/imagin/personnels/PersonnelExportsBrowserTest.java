package fr.education.imagin.personnels;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PERS-3 in real Chromium: "Télécharger les personnels et leurs missions" opens the years dialog
 * (keyboard and screen reader friendly, axe-checked), which downloads the file of the list as
 * filtered; with no year ticked the list comes back with the reason in the console.
 */
class PersonnelExportsBrowserTest {

    private BrowserSession browser;
    private Page page;

    @BeforeEach
    void open() {
        browser = BrowserSession.open(SharedPlatform.baseUrl());
        page = browser.login("toulouse", "ce.0310038y");
        browser.go("/toulouse/personnels/?q=a");
    }

    @AfterEach
    void close() {
        browser.closeExpectingCleanConsole();
    }

    @Test
    void theMissionsCsvAsksForTheYearsThenDownloadsTheFilteredList() throws IOException {
        Locator missions = page.locator(".imagin-actions__groupe")
                .filter(new Locator.FilterOptions().setHasText("Télécharger les personnels et leurs missions"));
        missions.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Format CSV")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        assertThat(dialog.getByRole(AriaRole.HEADING)).hasText("Télécharger les personnels et leurs missions (Format CSV)");
        assertThat(dialog.getByLabel(String.valueOf(LocalDate.now().getYear()))).isChecked();
        Axe.assertNoViolations(page);
        browser.screenshot("12-personnels-missions-annees");

        Download download = page.waitForDownload(() -> dialog.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Télécharger")).click());
        assertThat(download.suggestedFilename()).matches("personnels-missions_0310038Y_\\d{8}\\.csv");
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFN°;Nom;Prénom;Poste;Spécialité;Session;Examen;Spécialité Epreuve-option;"
                + "Lieu;Dates;Comm.;Jury(s);Qualité;Statut\r\n");
    }

    @Test
    void withNoYearTickedTheListSaysWhyAndKeepsItsKeyword() {
        Locator missions = page.locator(".imagin-actions__groupe")
                .filter(new Locator.FilterOptions().setHasText("Télécharger les personnels et leurs missions"));
        missions.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Format PDF (Liste détaillée)")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        // DSFR draws the box on the label, which is what a user clicks.
        dialog.getByText(String.valueOf(LocalDate.now().getYear()), new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(dialog.getByLabel(String.valueOf(LocalDate.now().getYear()))).not().isChecked();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Télécharger")).click();
        page.waitForURL(Pattern.compile(".*/toulouse/personnels/\\?(.*&)?q=a(&.*)?$"));
        assertThat(page.locator("#console")).containsText("Choisissez au moins une année pour télécharger les missions.");
        assertThat(page.locator("#liste-personnels-motcle")).hasValue("a");
    }
}
