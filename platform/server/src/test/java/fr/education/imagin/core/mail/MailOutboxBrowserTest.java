package fr.education.imagin.core.mail;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.demo.DemoAccount;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The academy office's "Courriels de l'académie" page in real Chromium: every state with its
 * date and error, attachment names, the warning that no SMTP server is configured (the test
 * platform has none), and "Relancer" on a mail en échec (audited). Refused to a chef
 * d'établissement of the same académie.
 */
class MailOutboxBrowserTest {

    private static final String MARKER = "OUTBOX-" + UUID.randomUUID().toString().substring(0, 6);
    private static long sent;
    private static long failed;
    private static long otherFailed;
    private static long queued;

    @BeforeAll
    static void arrange() throws SQLException {
        SharedPlatform.get();
        sent = insert("ENVOYE", 1, null, "now()", "envoye@ac-rennes.fr", null);
        failed = insert("EN_ECHEC", 8, "550 5.1.1 <inconnu@ac-rennes.fr>: Recipient address rejected", null,
                "inconnu@ac-rennes.fr", null);
        otherFailed = insert("EN_ECHEC", 8, "Connection refused", null, "autre@ac-rennes.fr", null);
        queued = insert("EN_ATTENTE", 0, null, null, "attente@ac-rennes.fr", "centre@ac-rennes.fr");
        try (Connection conn = SharedPlatform.jdbc(); PreparedStatement st = conn.prepareStatement(
                "insert into t_rennes.mail_piece_jointe (mail_id, rang, nom, type_contenu, contenu) values (?, 1, 'convocation_ATTENTE.pdf', 'application/pdf', '\\x25504446')")) {
            st.setLong(1, queued);
            st.executeUpdate();
        }
    }

    @Test
    void theOfficeSeesEveryStateAndRetriesAFailedMail() throws SQLException {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page home = browser.login("rennes", "gest.rennes");
            home.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Courriels de l'académie")).click();
            Page page = browser.page();
            assertThat(page.locator("h1")).hasText("Courriels de l'académie");
            assertThat(page.locator(".fr-alert")).containsText("L'envoi de courriels n'est pas configuré");
            assertThat(row(page, "envoye@ac-rennes.fr")).containsText("Envoyé le");
            assertThat(row(page, "envoye@ac-rennes.fr").locator("td").nth(2)).hasText("envoye@ac-rennes.fr");
            assertThat(row(page, "inconnu@ac-rennes.fr")).containsText("En échec");
            assertThat(row(page, "inconnu@ac-rennes.fr")).containsText("550 5.1.1 <inconnu@ac-rennes.fr>: Recipient address rejected après 8 tentatives");
            assertThat(row(page, "attente@ac-rennes.fr")).containsText("En attente");
            assertThat(row(page, "attente@ac-rennes.fr")).containsText("centre@ac-rennes.fr");
            assertThat(row(page, "attente@ac-rennes.fr")).containsText("convocation_ATTENTE.pdf");
            // Newest first.
            assertThat(page.locator("#courriels tbody tr").first()).containsText("attente@ac-rennes.fr");
            Axe.assertNoViolations(page);
            browser.screenshot("60-courriels-academie");

            row(page, "inconnu@ac-rennes.fr").getByRole(AriaRole.BUTTON).click();
            assertThat(page.locator("#console-messages")).containsText("Le courriel n° " + failed + " est remis dans la file d'envoi");
            assertThat(row(page, "inconnu@ac-rennes.fr")).containsText("En attente");
            browser.closeExpectingCleanConsole();
        }
        assertThat(value("select state || ' ' || attempts from t_rennes.mail_outbox where id = " + failed)).isEqualTo("EN_ATTENTE 0");
        assertThat(value("select count(*) from platform.audit where tenant_code = 'rennes' and actor = 'gest.rennes'"
                + " and action = 'COURRIEL_RELANCE' and detail like 'courriel=" + failed + " %'")).isEqualTo("1");
    }

    @Test
    void aChefEtablissementOfTheSameAcademieIsRefused() throws SQLException {
        DemoAccount chef = SharedPlatform.get().demoAccounts().stream()
                .filter(a -> "rennes".equals(a.tenantCode()) && a.login().startsWith("ce.0")).findFirst().orElseThrow();
        String base = SharedPlatform.baseUrl();
        Browser browser = new Browser();
        org.assertj.core.api.Assertions.assertThat(browser.login(base, "rennes", chef.login(), BrowserSession.DEMO_PASSWORD).statusCode())
                .isEqualTo(302);
        try {
            var page = browser.get(base + "/rennes/administration/courriels");
            org.assertj.core.api.Assertions.assertThat(page.statusCode()).isEqualTo(403);
            org.assertj.core.api.Assertions.assertThat(page.body()).doesNotContain(MARKER);
            org.assertj.core.api.Assertions.assertThat(browser.submit(base + "/rennes/", base + "/rennes/administration/courriels/relance",
                    Map.of("courriel", String.valueOf(otherFailed))).statusCode()).isEqualTo(403);
            org.assertj.core.api.Assertions.assertThat(browser.get(base + "/rennes/").body()).doesNotContain("Courriels de l'académie");
        } finally {
            browser.quit(base, "rennes");
        }
        assertThat(value("select state from t_rennes.mail_outbox where id = " + otherFailed)).isEqualTo("EN_ECHEC");
    }

    /** The row of the mail to {@code to} (each mail of this test has its own addressee). */
    private static Locator row(Page page, String to) {
        return page.locator("#courriels tbody tr").filter(new Locator.FilterOptions().setHasText(to));
    }

    private static long insert(String state, int attempts, String error, String sentAt, String to, String cc) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); PreparedStatement st = conn.prepareStatement(
                "insert into t_rennes.mail_outbox (destinataire, copie, sujet, corps, state, attempts, last_error, sent_at,"
                        + " last_attempt_at) values (?, ?, ?, 'Corps', ?, ?, ?, " + (sentAt == null ? "null" : sentAt)
                        + ", case when ? > 0 then now() end) returning id")) {
            st.setString(1, to);
            st.setString(2, cc);
            st.setString(3, "Sujet " + MARKER + " " + state);
            st.setString(4, state);
            st.setInt(5, attempts);
            st.setString(6, error);
            st.setInt(7, attempts);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String value(String query) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
