package fr.education.imagin.academies.administration;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The national admin console in real Chromium: DSFR pages without accessibility violations. Changes nothing. */
class AdminConsoleBrowserTest {

    private BrowserSession browser;

    @BeforeEach
    void open() {
        browser = BrowserSession.open(SharedPlatform.baseUrl());
    }

    @AfterEach
    void close() {
        browser.closeExpectingCleanConsole();
    }

    @Test
    void theConsolePagesAreAccessible() {
        Page page = browser.go("/admin/");
        assertThat(page).hasURL(SharedPlatform.baseUrl() + "/admin/connexion");
        Axe.assertNoViolations(page);
        page.locator("#login").fill("admin");
        page.locator("#password").fill(BrowserSession.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page).hasURL(SharedPlatform.baseUrl() + "/admin/");
        assertThat(page.locator("#table-academies")).containsText("ACADEMIE DE RENNES");
        Axe.assertNoViolations(page);
        browser.screenshot("admin-01-academies");

        page = browser.go("/admin/academies/rennes");
        assertThat(page.locator("#table-plugins")).containsText("ec-ece");
        Axe.assertNoViolations(page);
        browser.screenshot("admin-02-academie");

        page = browser.go("/admin/academies/nouvelle");
        page.locator("#code").fill("Pas Valide");
        page.locator("#nom").fill("ACADEMIE INVALIDE");
        page.locator("#contact").fill("dec@ac-invalide.fr");
        page.locator("#gestionnaire").fill("gest.invalide");
        page.locator("#motDePasse").fill("mot-de-passe-initial");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer l'académie")).click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.locator("#console-messages")).containsText("Le code « Pas Valide » n'est pas valide");
        assertThat(page.locator("#nom")).hasValue("ACADEMIE INVALIDE");
        assertThat(page.locator("#code-erreur")).containsText("n'est pas valide");
        Axe.assertNoViolations(page);
        browser.screenshot("admin-03-nouvelle");

        page = browser.go("/admin/journal");
        assertThat(page.locator("#table-journal")).containsText("CONNEXION");
        Axe.assertNoViolations(page);
        browser.screenshot("admin-04-journal");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Quitter la console")).click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page).hasURL(SharedPlatform.baseUrl() + "/admin/connexion");
    }

    @Test
    void theAcademyJournalIsAccessible() {
        browser.login("rennes", "gest.rennes");
        Page page = browser.go("/rennes/administration/journal");
        assertThat(page.locator("#table-journal")).containsText("gest.rennes");
        Axe.assertNoViolations(page);
        browser.screenshot("admin-05-journal-academie");
        browser.logout();
    }
}
