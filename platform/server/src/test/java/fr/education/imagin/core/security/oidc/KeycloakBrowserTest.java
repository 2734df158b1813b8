package fr.education.imagin.core.security.oidc;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.KeycloakPlatform;
import fr.education.imagin.testkit.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Sign-in and sign-out through the real Keycloak in real Chromium, as people on a shared computer do. */
class KeycloakBrowserTest {

    private static final Pattern KEYCLOAK_LOGIN = Pattern.compile(
            Pattern.quote(TestKeycloak.url()) + "/realms/imagin-toulouse/(protocol/openid-connect/auth|login-actions/).*");

    private final String base = KeycloakPlatform.baseUrl();
    private final Keycloak admin = KeycloakPlatform.admin();

    @Test
    void quitterEndsTheKeycloakSessionTooSoTheNextPersonMustSignIn() {
        try (BrowserSession browser = BrowserSession.open(base)) {
            Page page = signIn(browser, "ce.0310974r", "imagin-demo");
            assertThat(page.locator("#bandeau-etablissement")).containsText("COLLEGE PAUL VALERY");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Quitter")).first().click();
            page.waitForURL(KEYCLOAK_LOGIN);
            assertThat(page.locator("#kc-form-login")).isVisible();

            // The shared computer's next visitor: no way in without a password.
            page.navigate(base + "/toulouse/");
            page.waitForURL(KEYCLOAK_LOGIN);
            assertThat(page.locator("#password")).isVisible();
            browser.closeExpectingCleanConsole();
        }
    }

    @Test
    void theTabWhoseEstablishmentWasTakenOverSaysSoAndDoesNotSignBackInAlone() {
        try (BrowserSession first = BrowserSession.open(base); BrowserSession second = BrowserSession.open(base)) {
            Page before = signIn(first, "ce.0310038y", "imagin-demo");
            Page after = signIn(second, "ce.0310038y", "imagin-demo");
            assertThat(after.locator("#console")).containsText("Une autre connexion était ouverte pour l'établissement 0310038Y");

            before.navigate(base + "/toulouse/");
            before.waitForLoadState(LoadState.NETWORKIDLE);
            assertThat(before).hasURL(base + "/toulouse/");
            assertThat(before.locator("h1")).hasText("Session fermée");
            assertThat(before.locator("main")).containsText("Une autre connexion a été ouverte pour l'établissement 0310038Y");
            assertThat(before.locator("input[type=password]")).hasCount(0);
            Axe.assertNoViolations(before);
            first.screenshot("45-keycloak-session-fermee");

            before.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Quitter")).last().click();
            before.waitForURL(KEYCLOAK_LOGIN);
            after.navigate(base + "/toulouse/");
            assertThat(after.locator("h1")).not().hasText("Session fermée");
            assertThat(after.locator("#bandeau-etablissement")).containsText("PIERRE-PAUL RIQUET");
            first.closeExpectingCleanConsole();
            second.closeExpectingCleanConsole();
        }
    }

    @Test
    void anAccountWithoutRoleIsToldWhyAndCanChangeAccount() {
        KeycloakLoginTest.createUser(admin.realm("imagin-toulouse"), "sans.role", "imagin-sans-role", null);
        try (BrowserSession browser = BrowserSession.open(base)) {
            Page page = browser.page();
            page.navigate(base + "/toulouse/connexion");
            fillKeycloakForm(page, "sans.role", "imagin-sans-role");
            page.waitForURL(Pattern.compile(Pattern.quote(base) + "/toulouse/oidc/callback.*"));
            assertThat(page.locator(".fr-alert--error")).containsText("Votre compte n'a aucun rôle IMAG'IN dans cette académie");
            assertThat(page.locator("input[type=password]")).hasCount(0);
            Axe.assertNoViolations(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Changer de compte")).click();
            page.waitForURL(KEYCLOAK_LOGIN);
            page.navigate(base + "/toulouse/connexion");
            page.waitForURL(KEYCLOAK_LOGIN);
            // Keycloak's session ended with the refusal: its form asks again.
            assertThat(page.locator("#password")).isVisible();
            browser.closeExpectingCleanConsole();
        }
    }

    private Page signIn(BrowserSession browser, String login, String password) {
        Page page = browser.page();
        page.navigate(base + "/toulouse/connexion");
        fillKeycloakForm(page, login, password);
        page.waitForURL(base + "/toulouse/");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return page;
    }

    private static void fillKeycloakForm(Page page, String login, String password) {
        page.waitForURL(KEYCLOAK_LOGIN);
        page.locator("#username").fill(login);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
    }
}
