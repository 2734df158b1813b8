package fr.education.imagin.missions;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.education.imagin.missions.OfficeConvocationFixture.DAY_ONE;
import static fr.education.imagin.missions.OfficeConvocationFixture.designate;
import static fr.education.imagin.missions.OfficeConvocationFixture.mission;
import static fr.education.imagin.missions.OfficeConvocationFixture.person;
import static fr.education.imagin.testkit.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office's convocation journey in real Chromium, as a gestionnaire of Toulouse on a mission
 * of its own: withdraw a designation (confirmed in the browser's dialog), "Tout sélectionner",
 * the hours, the warning about an unavailability, "Convoquer malgré tout", and the page that then
 * lists the convened. Every state checked with axe-core; the console stays clean.
 */
class OfficeConvocationBrowserTest {

    private static long mission;
    private static long retiree;

    @BeforeAll
    static void arrange() {
        OfficeConvocationFixture.create();
        TestSql.inSchema("t_toulouse", st -> {
            mission = mission(st, "ZZOFF-NAV", "CORR");
            long busy = person(st, "ZZOFF-B1", "Mme", "ZZNAVIGATEUR-UN", "Claire", "claire@ac-toulouse.fr");
            st.execute("insert into indisponibilite (personnel_id, debut, fin, motif, origine) values (" + busy + ", timestamp '"
                    + DAY_ONE + " 10:00', timestamp '" + DAY_ONE + " 11:00', 'Formation', 'EPP')");
            designate(st, mission, busy, "Correcteur", null);
            designate(st, mission, person(st, "ZZOFF-B2", "M.", "ZZNAVIGATEUR-DEUX", "Bruno", "bruno@ac-toulouse.fr"), "Correcteur", null);
            retiree = designate(st, mission, person(st, "ZZOFF-B3", "M.", "ZZNAVIGATEUR-TROIS", "Tom", ""), "Correcteur", null);
        });
    }

    @Test
    void theGestionnaireWithdrawsOneDesignationThenConvenesTheOthersDespiteAWarning() {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", OfficeConvocationFixture.GESTIONNAIRE);
            browser.go("/toulouse/administration/missions/" + mission);
            assertThat(page.locator("h1")).hasText("Mission n° ZZOFF-NAV");
            assertThat(page.locator("#table-designations-titre")).hasText("Personnes désignées (3 lignes)");
            assertThat(page.getByLabel("Observations sur la convocation")).hasValue("Se munir d'une pièce d'identité.");
            Axe.assertNoViolations(page);
            browser.screenshot("72-mission-academie-designations");

            // "Retirer", confirmed in the dialog.
            page.onceDialog(dialog -> {
                org.assertj.core.api.Assertions.assertThat(dialog.message()).contains("Retirer ZZNAVIGATEUR-TROIS Tom de cette mission");
                dialog.accept();
            });
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retirer ZZNAVIGATEUR-TROIS Tom de la mission")).click();
            page.waitForURL("**/administration/missions/" + mission);
            assertThat(page.locator("#table-designations-titre")).hasText("Personnes désignées (2 lignes)");
            assertThat(page.locator("#console")).containsText("ZZNAVIGATEUR-TROIS Tom n'est plus désigné(e)");
            assertThat(count("select count(*) from t_toulouse.affectation where id = " + retiree)).isZero();

            // "Tout sélectionner" ticks every row; the hours; the unavailability warns and nothing is written.
            page.getByText("Tout sélectionner").click();
            Locator rows = page.locator("input[name=affectation][form=convocation-bureau]");
            assertThat(rows).hasCount(2);
            assertThat(rows.nth(0)).isChecked();
            assertThat(rows.nth(1)).isChecked();
            page.getByLabel("Heure de début").fill("08:00");
            page.getByLabel("Heure de fin").fill("12:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Convoquer la sélection")).click();
            assertThat(page.locator("#convocation-avertissements")).containsText("ZZNAVIGATEUR-UN Claire est indisponible");
            assertThat(page.getByLabel("Heure de début")).hasValue("08:00");
            assertThat(rows.nth(0)).isChecked();
            assertThat(count("select count(*) from t_toulouse.affectation where mission_id = " + mission + " and statut = 'CONVOQUEE'"))
                    .isZero();
            Axe.assertNoViolations(page);
            browser.screenshot("73-mission-academie-avertissements");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Convoquer malgré tout")).click();
            page.waitForURL("**/administration/missions/" + mission);
            assertThat(page.locator("#console")).containsText("2 personnes sont convoquées sur la mission n° ZZOFF-NAV (de 08:00 à 12:00).");
            assertThat(page.locator("#console")).containsText("2 convocations sont placées dans la file des méls");
            assertThat(page.locator("#table-designations tbody")).containsText("Convoqué");
            assertThat(page.locator("input[name=affectation][form=convocation-bureau]")).hasCount(0);
            assertThat(count("select count(*) from t_toulouse.affectation where mission_id = " + mission + " and statut = 'CONVOQUEE'"))
                    .isEqualTo(2);
            Axe.assertNoViolations(page);
            browser.screenshot("74-mission-academie-convoques");
            browser.closeExpectingCleanConsole();
        }
    }
}
