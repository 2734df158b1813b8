package fr.education.imagin.missions;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * "Missions de l'académie" in real Chromium as the gestionnaire of Toulouse: from the académie's
 * home to the list of the demo missions and one mission's page, each checked with axe-core.
 * Read only: the writes are proven by {@link MissionsOfficeRoutesTest}.
 */
class MissionsOfficeBrowserTest {

    @Test
    void theGestionnaireReachesTheMissionsOfTheAcademyFromTheHomePage() {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "gest.toulouse");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Missions de l'académie")).first().click();
            assertThat(page.locator("h1")).hasText("Missions de l'académie");
            Locator rows = page.locator("table tbody tr");
            assertThat(rows.first()).isVisible();
            Axe.assertNoViolations(page);
            browser.screenshot("70-missions-academie");

            rows.first().locator("a").first().click();
            assertThat(page.locator("h1")).containsText("Mission n°");
            assertThat(page.getByLabel("Date de début")).not().isEmpty();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer"))).isVisible();
            Axe.assertNoViolations(page);
            browser.screenshot("71-mission-academie");
            browser.closeExpectingCleanConsole();
        }
    }
}
