package fr.education.imagin.signatures;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Guide §4.4 in real Chromium: from the Centre Examen menu, preview then save the head of establishment's block. */
class SignaturesBrowserTest {

    private BrowserSession browser;
    private Page page;

    @BeforeEach
    void open() {
        browser = BrowserSession.open(SharedPlatform.baseUrl());
        page = browser.login("toulouse", "ce.0310038y");
    }

    @AfterEach
    void close() {
        browser.closeExpectingCleanConsole();
    }

    @Test
    void aCentrePreviewsThenSavesItsSignature() throws IOException {
        page.locator("#menu-activites").getByText("Signature établissement pour la convocation").click();
        assertThat(page.locator("h1")).hasText("Signature établissement pour la convocation");
        Axe.assertNoViolations(page);
        page.getByLabel("Intitulé").fill("La proviseure");
        page.getByLabel("Nom *").fill("Claire NAVIGATEUR");
        page.getByLabel("Ville *").fill("Toulouse");

        Download preview = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Prévisualiser convocation")).click());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(preview.path()))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Claire NAVIGATEUR", "La proviseure");
        }

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sauvegarder")).click();
        assertThat(page.locator("#console")).containsText("La signature du chef d'établissement est enregistrée");
        assertThat(page.getByLabel("Nom *")).hasValue("Claire NAVIGATEUR");
        browser.screenshot("40-signature-etablissement");
    }
}
