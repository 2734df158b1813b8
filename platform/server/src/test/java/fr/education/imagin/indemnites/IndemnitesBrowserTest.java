package fr.education.imagin.indemnites;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.education.imagin.indemnites.IccCentreFixture.YEAR;

/**
 * "Indemnités des chefs de centre" in real Chromium as the exam centre 0310038Y of Toulouse:
 * from the list to the épreuves anticipées' saisie, the days and the live "Montant global
 * calculé", an intervenant found by the live search, the live "réparti" / "restant", then
 * "Enregistrer" and "Transmettre" with the guide's confirmation; the office then validates the
 * line on its expenses screen and the centre's saisie reads "Validé"; and the office's screens.
 * Every screen checked with axe-core.
 */
class IndemnitesBrowserTest {

    @BeforeAll
    static void create() {
        IccCentreFixture.create();
    }

    /** Amounts are written with a no-break space before the euro sign. */
    private static Pattern euros(String amount) {
        return Pattern.compile("^" + amount + "\\s€$"); // digits and a comma: nothing to quote (the regex runs in the browser)
    }

    @Test
    void fromTheListToATransmittedIndemnity() {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "ce.0310038y");
            browser.go("/toulouse/indemnites/");
            assertThat(page.locator("h1")).hasText("Indemnités chef de centre");
            Axe.assertNoViolations(page);
            browser.screenshot("80-indemnites-liste");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^47A, EA, " + YEAR))).click();
            page.waitForURL(Pattern.compile(".*/toulouse/indemnites/" + IccCentreFixture.ea + "/normale"));
            assertThat(page.locator("#periode-courante")).hasText("Session normale");
            assertThat(page.locator("#icc-aucun")).hasText("Aucun intervenant");
            Axe.assertNoViolations(page);

            page.locator("#premierJour").fill("15/06/" + YEAR);
            page.locator("#jours-JUSQUA_600").fill("6");
            page.locator("#jours-PLUS_DE_600").fill("1");
            page.locator("#jours-JOURS_SUPPLEMENTAIRES").fill("");
            assertThat(page.locator("#montant-global")).hasText(euros("1268,00"));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter un intervenant")).click();
            page.locator("#ajout-nom").pressSequentially("zzicc-un", new Locator.PressSequentiallyOptions().setDelay(30));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^ZZICC-UN Roberta"))).click();
            assertThat(page.locator("#ajout-choisi")).containsText("ZZICC-UN Roberta");
            page.locator("#ajout-valeur").fill("5,5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter").setExact(true)).click();
            long roberta = IccCentreFixture.personnes[0];
            assertThat(page.locator("#montant-" + roberta)).hasValue("69,74");
            assertThat(page.locator("#total-reparti")).hasText(euros("69,74"));
            assertThat(page.locator("#total-restant")).hasText(euros("1198,26"));
            assertThat(page.locator("#icc-aucun")).isHidden();

            page.locator("#pourcentage-" + roberta).fill("10");
            assertThat(page.locator("#total-reparti")).hasText(euros("126,80"));
            assertThat(page.locator("#total-restant")).hasText(euros("1141,20"));
            Axe.assertNoViolations(page);
            browser.screenshot("81-indemnites-saisie");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
            page.waitForURL(Pattern.compile(".*/toulouse/indemnites/" + IccCentreFixture.ea + "/normale"));
            assertThat(page.locator("#console-messages")).containsText("Votre saisie d'indemnités est enregistrée.");
            assertThat(page.locator("#icc-statut")).hasText("Non Transmis");
            assertThat(page.locator("#icc-montant")).hasText(euros("1268,00"));
            assertThat(page.locator("#total-reparti")).hasText(euros("126,80"));
            Axe.assertNoViolations(page);

            AtomicReference<String> asked = new AtomicReference<>();
            page.onceDialog(dialog -> {
                asked.set(dialog.message());
                dialog.accept();
            });
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Transmettre")).click();
            assertThat(page.locator("#message-transmission")).hasText(IndemnitesPages.TRANSMISES);
            org.assertj.core.api.Assertions.assertThat(asked.get()).isEqualTo(IndemnitesPages.CONFIRMATION);
            assertThat(page.locator("#icc-statut")).hasText("Transmis");
            assertThat(page.locator("#icc-suivi")).hasText("Initialisé");
            Axe.assertNoViolations(page);
            browser.screenshot("82-indemnites-transmise");
            org.assertj.core.api.Assertions.assertThat(TestSql.count("select count(*) from t_toulouse.frais f"
                    + " join t_toulouse.icc_saisie s on s.id = f.icc_saisie_id where s.session_id = " + IccCentreFixture.ea
                    + " and f.personnel_id = " + roberta + " and f.montant = 126.80")).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(browser.consoleErrors()).as("browser console (CSP, scripts)").isEmpty();
        }

        // The office validates the transmitted line on its expenses screen...
        long frais = TestSql.count("select f.id from t_toulouse.frais f join t_toulouse.icc_saisie s on s.id = f.icc_saisie_id"
                + " where s.session_id = " + IccCentreFixture.ea + " and s.uai = '0310038Y' and s.periode = 'NORMALE'");
        try (BrowserSession office = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = office.login("toulouse", "gest.toulouse");
            office.go("/toulouse/administration/frais/sessions/" + IccCentreFixture.ea + "/");
            Locator line = page.locator("tbody tr").filter(new Locator.FilterOptions().setHas(
                    page.locator("#liste-frais-selection-" + frais)));
            assertThat(line).containsText("126,80");
            assertThat(line).containsText("À traiter");
            page.locator("label[for='liste-frais-selection-" + frais + "']").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider").setExact(true)).click();
            page.waitForLoadState();
            assertThat(page.locator("#console-messages")).containsText("1 frais validé.");
        }
        // ...and the centre's list and saisie follow it: "Validé", still read-only.
        try (BrowserSession centre = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = centre.login("toulouse", "ce.0310038y");
            centre.go("/toulouse/indemnites/" + IccCentreFixture.ea + "/normale");
            assertThat(page.locator("#icc-statut")).hasText("Transmis");
            assertThat(page.locator("#icc-suivi")).hasText("Validé");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Transmettre"))).hasCount(0);
            Axe.assertNoViolations(page);
            centre.screenshot("83-indemnites-validee");
        }
    }

    @Test
    void theOfficeScreensAreAccessible() {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "gest.toulouse");
            browser.go("/toulouse/administration/indemnites");
            assertThat(page.locator("h1")).hasText("Indemnités des chefs de centre");
            Axe.assertNoViolations(page);
            page.locator("#uai").fill("0310038Y");
            page.locator("#session").selectOption(String.valueOf(IccCentreFixture.btn));
            page.locator("#periode").selectOption("remplacement");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ouvrir la saisie")).click();
            page.waitForURL(Pattern.compile(".*/toulouse/administration/indemnites/0310038Y/" + IccCentreFixture.btn + "/remplacement"));
            assertThat(page.locator("#periode-courante")).hasText("Epreuves de remplacement");
            Axe.assertNoViolations(page);
            org.assertj.core.api.Assertions.assertThat(browser.consoleErrors()).as("browser console (CSP, scripts)").isEmpty();
        }
    }
}
