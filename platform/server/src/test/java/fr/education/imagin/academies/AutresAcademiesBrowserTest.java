package fr.education.imagin.academies;

import com.microsoft.playwright.Page;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Accès autres académies" (ACAD-1) in real Chromium: the lycée of Toulouse that is also an exam
 * centre of the SIEC opens the SIEC in a new tab without logging in again, with the SIEC's name
 * in the banner and only its Centre Examen activities; leaving that tab keeps the home session.
 */
class AutresAcademiesBrowserTest {

    private BrowserSession browser;
    private Page home;

    @BeforeEach
    void open() {
        browser = BrowserSession.open(SharedPlatform.baseUrl());
        home = browser.login("toulouse", "ce.0310038y");
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void theOtherAcademyOpensInANewTabWithoutASecondLogin() {
        browser.go("/toulouse/autres-academies/");
        assertThat(home.locator("h1")).hasText("Accès autres académies");
        Axe.assertNoViolations(home);
        browser.screenshot("20-autres-academies");

        Page siec = home.context().waitForPage(() -> home.getByText("SERVICE INTERACADEMIQUE DES EXAMENS ET CONCOURS").click());
        siec.waitForLoadState();
        assertThat(siec).hasURL(SharedPlatform.baseUrl() + "/siec/");
        assertThat(siec.locator("header")).containsText("SERVICE INTERACADEMIQUE DES EXAMENS ET CONCOURS");
        assertThat(siec.locator("#menu-activites").getByText("Consultation des personnels")).hasCount(0);
        Axe.assertNoViolations(siec);

        // Quitter in the visited académie leaves the home session working.
        siec.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Quitter")).first().click();
        // The tab comes back home; closing it while that navigation runs could hang Chromium's close.
        siec.waitForURL(SharedPlatform.baseUrl() + "/toulouse/");
        assertThat(siec.locator("header")).containsText("ACADEMIE DE TOULOUSE");
        siec.close();
        browser.go("/toulouse/");
        assertThat(home.locator("header")).containsText("ACADEMIE DE TOULOUSE");
        assertThat(home.url()).isEqualTo(SharedPlatform.baseUrl() + "/toulouse/");
    }
}
