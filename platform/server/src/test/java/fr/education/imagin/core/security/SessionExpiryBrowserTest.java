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

    /**
     * The server itself ends the session after the inactivity timeout (one minute here): a
     * request just before it keeps the session, the first one after it is sent to the login page.
     */
    @Test
    void theServerEndsAnIdleSessionAfterTheTimeout() throws InterruptedException {
        String base = TestPlatform.baseUrl(platform);
        fr.education.imagin.testkit.Browser idle = new fr.education.imagin.testkit.Browser();
        org.assertj.core.api.Assertions.assertThat(idle.login(base, "rennes", "gest.rennes", "imagin-demo").statusCode()).isEqualTo(302);
        Thread.sleep(35_000);
        org.assertj.core.api.Assertions.assertThat(idle.get(base + "/rennes/").statusCode()).as("35 s idle: still signed in").isEqualTo(200);
        Thread.sleep(35_000);
        org.assertj.core.api.Assertions.assertThat(idle.get(base + "/rennes/").statusCode()).as("70 s after login, 35 s after the last request: still signed in")
                .isEqualTo(200);
        Thread.sleep(65_000);
        var expired = idle.get(base + "/rennes/");
        org.assertj.core.api.Assertions.assertThat(expired.statusCode()).as("65 s idle: the session is over").isEqualTo(302);
        org.assertj.core.api.Assertions.assertThat(expired.headers().firstValue("location")).hasValueSatisfying(
                location -> org.assertj.core.api.Assertions.assertThat(location).contains("/rennes/connexion"));
    }
}
