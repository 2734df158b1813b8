package fr.education.imagin.frais;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Statement;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.education.imagin.testkit.TestSql.single;

/**
 * The office's expenses in real Chromium as the gestionnaire of Toulouse: from the sessions to one
 * session's expenses, a line ticked and validated, its statut changed on the page and in the
 * database; the rates screen. Every screen checked with axe-core. Its data live in a session of
 * their own (exam ZZF, the year before the routes test's) so that both tests may share a JVM.
 */
class FraisOfficeBrowserTest {

    private static final int YEAR = FraisFixture.YEAR - 1;
    private static final String LIBELLE = "ZZFRAB session " + YEAR;
    private static final String LIBELLE_TOUT = "ZZFRAB tout " + YEAR;
    private static long session;
    private static long frais;
    private static long sessionTout;

    @BeforeAll
    static void create() {
        TestSql.inSchema("t_toulouse", FraisOfficeBrowserTest::insert);
    }

    private static void insert(Statement st) throws SQLException {
        st.execute("insert into examen (code, sigle, libelle, famille) values ('ZZF', 'ZZFRA', 'FRAIS ZZ', 'AUTRE') on conflict do nothing");
        session = single(st, "insert into session_examen (examen_code, annee, libelle) values ('ZZF', " + YEAR + ", '" + LIBELLE
                + "') returning id");
        long personne = single(st, """
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                values ('ZZFRAB-1', 'Mme', 'ZZFRAB-UN', 'Agathe', date '1975-01-01', 'LETTRES') returning id""");
        long mission = single(st, """
                insert into mission (numero, type_code, session_id, centre_uai, date_debut, date_fin)
                values ('ZZFRAB-ECRIT', 'CORR', %d, '0310038Y', date '%d-06-15', date '%2$d-06-16') returning id""".formatted(session, YEAR));
        long affectation = single(st, """
                insert into affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                values (%d, %d, 'Correcteur', 'CONVOQUEE', 'ACADEMIE', now()) returning id""".formatted(mission, personne));
        st.execute("insert into service_fait (affectation_id, fait, nb_copies, saisi_par) values (" + affectation + ", true, 88, 'ce.0310038y')");
        frais = single(st, """
                insert into frais (nature, session_id, personnel_id, affectation_id, unite, quantite)
                values ('REMUNERATION', %d, %d, %d, 'COPIES', 88) returning id""".formatted(session, personne, affectation));

        // Three expenses of another session, for "Tout".
        st.execute("insert into examen (code, sigle, libelle, famille) values ('ZZT', 'ZZTOU', 'FRAIS TOUT', 'AUTRE') on conflict do nothing");
        sessionTout = single(st, "insert into session_examen (examen_code, annee, libelle) values ('ZZT', " + YEAR + ", '"
                + LIBELLE_TOUT + "') returning id");
        long missionTout = single(st, """
                insert into mission (numero, type_code, session_id, centre_uai, date_debut, date_fin)
                values ('ZZFRAB-TOUT', 'CORR', %d, '0310038Y', date '%d-06-15', date '%2$d-06-16') returning id""".formatted(sessionTout, YEAR));
        for (int i = 1; i <= 3; i++) {
            long p = single(st, """
                    insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                    values ('ZZFRAT-%d', 'M.', 'ZZFRAT-%d', 'Jean', date '1975-01-01', 'LETTRES') returning id""".formatted(i, i));
            long a = single(st, """
                    insert into affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                    values (%d, %d, 'Correcteur', 'CONVOQUEE', 'ACADEMIE', now()) returning id""".formatted(missionTout, p));
            st.execute("insert into frais (nature, session_id, personnel_id, affectation_id, unite, quantite) values ('REMUNERATION', "
                    + sessionTout + ", " + p + ", " + a + ", 'COPIES', " + (10 * i) + ")");
        }
    }

    @Test
    void toutTicksEveryLineOfThePageAndOneActionTreatsThemAll() {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "gest.toulouse");
            browser.go("/toulouse/administration/frais/sessions/" + sessionTout + "/");
            assertThat(page.locator(".imagin-liste__titre")).hasText("Frais de la session (3 lignes)");
            page.locator("label[for='liste-frais-selection-tout']").click();
            assertThat(page.locator("tbody input[type=checkbox]:checked")).hasCount(3);
            // Unticking one line unticks "Tout"; ticking it again brings "Tout" back.
            page.locator("tbody label").first().click();
            assertThat(page.locator("#liste-frais-selection-tout")).not().isChecked();
            page.locator("tbody label").first().click();
            assertThat(page.locator("#liste-frais-selection-tout")).isChecked();
            Axe.assertNoViolations(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider").setExact(true)).click();
            page.waitForLoadState();
            assertThat(page.locator("#console-messages")).containsText("3 frais validés.");
            org.assertj.core.api.Assertions.assertThat(TestSql.count("select count(*) from t_toulouse.frais where session_id = "
                    + sessionTout + " and statut = 'VALIDE'")).isEqualTo(3);
            org.assertj.core.api.Assertions.assertThat(browser.consoleErrors()).as("browser console (CSP, scripts)").isEmpty();
        }
    }

    @Test
    void aGestionnaireTicksALineAndValidatesIt() {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "gest.toulouse");
            browser.go("/toulouse/");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("États de frais : validation, paiement et export")).click();
            page.waitForLoadState();
            assertThat(page.locator("h1")).hasText("États de frais");
            Axe.assertNoViolations(page);
            browser.screenshot("80-frais-sessions");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(LIBELLE)).click();
            page.waitForLoadState();
            assertThat(page.locator("h1")).hasText("États de frais - " + LIBELLE);
            assertThat(page.locator(".imagin-liste__titre")).hasText("Frais de la session (1 ligne)");
            assertThat(page.locator("tbody tr").first()).containsText("88 copies");
            assertThat(page.locator("tbody tr").first()).containsText("À traiter");
            Axe.assertNoViolations(page);
            browser.screenshot("81-frais-session");

            // The DSFR draws the checkbox on its label: the user clicks the label.
            page.locator("label[for='liste-frais-selection-" + frais + "']").click();
            assertThat(page.locator("#liste-frais-selection-" + frais)).isChecked();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider").setExact(true)).click();
            page.waitForLoadState();
            assertThat(page.locator("#console-messages")).containsText("1 frais validé.");
            assertThat(page.locator("tbody tr").first()).containsText("Validé");
            assertThat(page.locator("tbody tr").first()).containsText("gest.toulouse");
            Axe.assertNoViolations(page);
            org.assertj.core.api.Assertions.assertThat(TestSql.count("select count(*) from t_toulouse.frais where id = " + frais
                    + " and statut = 'VALIDE' and traite_par = 'gest.toulouse'")).isEqualTo(1);

            browser.go("/toulouse/administration/frais/taux");
            assertThat(page.locator("h1")).hasText("Taux des indemnités des chefs de centre");
            Axe.assertNoViolations(page);
            browser.screenshot("82-frais-taux");
            org.assertj.core.api.Assertions.assertThat(browser.consoleErrors()).as("browser console (CSP, scripts)").isEmpty();
        }
    }
}
