package fr.education.imagin.core.menu;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The academy office's "Ouverture des activités" screen in real Chromium, with the keyboard-reachable buttons. */
class ActivityStatesBrowserTest {

    @Test
    void theOfficeClosesAndReopensAnActivityFromItsScreen() {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            browser.login("siec", "gest.siec");
            Page page = browser.go("/siec/administration/activites");
            assertThat(page.locator("h1")).hasText("Ouverture des activités");
            Axe.assertNoViolations(page);
            browser.screenshot("40-ouverture-activites");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fermer l'activité Saisie des compétences")).click();
            assertThat(page.locator("#console-messages")).containsText("L'activité « Saisie des compétences » est fermée.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ouvrir l'activité Saisie des compétences")).click();
            assertThat(page.locator("#console-messages")).containsText("L'activité « Saisie des compétences » est ouverte.");
        }
    }
}
