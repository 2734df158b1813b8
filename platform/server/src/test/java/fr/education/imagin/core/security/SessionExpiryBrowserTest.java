package fr.education.imagin.core.security;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.Platform;
import fr.education.imagin.core.config.Setting;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.TestPlatform;
import fr.education.imagin.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * SH-2 in real Chromium, with the timeout shortened to one minute and the warning 57 seconds
 * before it: the pop-up comes after 3 seconds of inactivity and "Rester connecté" keeps the session.
 */
class SessionExpiryBrowserTest {

    private static Platform platform;

    @BeforeAll
    static void start() {
        Map<Setting, String> settings = TestPlatform.settings(TestPostgres.newDatabase());
        settings.put(Setting.SESSION_TIMEOUT_MINUTES, "1");
        settings.put(Setting.SESSION_WARNING_SECONDS, "57");
        platform = TestPlatform.start(settings);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theWarningOffersToStayAndStayingKeepsTheSession() {
        try (BrowserSession browser = BrowserSession.open(TestPlatform.baseUrl(platform))) {
            Page page = browser.login("rennes", "gest.rennes");
            Locator warning = page.locator("#modale-expiration");
            assertThat(warning).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
            assertThat(warning).containsText("Votre session va expirer");
            assertThat(warning).containsText("seconde(s)");
            Axe.assertNoViolations(page);
            browser.screenshot("30-session-expiration");

            Page.WaitForResponseOptions any = new Page.WaitForResponseOptions();
            var touched = page.waitForResponse(r -> r.url().endsWith("/rennes/session"), any, () ->
                    warning.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rester connecté")).click());
            org.assertj.core.api.Assertions.assertThat(touched.status()).isEqualTo(204);
            assertThat(warning).isHidden();
            assertThat(page.locator("#console-messages")).containsText("Votre session a été prolongée.");
            assertThat(page).hasURL(TestPlatform.baseUrl(platform) + "/rennes/");
        }
    }

    @Test
    void anEndedSessionCannotBeProlonged() {
        try (BrowserSession browser = BrowserSession.open(TestPlatform.baseUrl(platform))) {
            var response = browser.page().request().get(TestPlatform.baseUrl(platform) + "/rennes/session",
                    com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0));
            org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(302);
        }
    }
}
