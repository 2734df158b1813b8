package fr.education.imagin.testkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser tests' CSP guard itself: a style the page applies against the policy is reported, with its kind. */
class BrowserSessionCspTest {

    @Test
    void aStyleAttributeThePageSetsIsReportedAsACspRefusal() {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            browser.go("/toulouse/connexion");
            assertThat(browser.consoleErrors()).isEmpty();
            browser.page().evaluate("document.body.setAttribute('style', 'color: red')");
            browser.page().waitForTimeout(200);
            assertThat(browser.consoleErrors()).singleElement().asString().startsWith("CSP style-src").contains("refused inline");
        }
    }
}
