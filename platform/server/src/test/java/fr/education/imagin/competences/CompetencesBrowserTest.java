package fr.education.imagin.competences;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** "Saisie des compétences" in real Chromium, as the chef d'établissement of a Rennes collège. */
class CompetencesBrowserTest {

    private static final String T = CompetencesFixture.TENANT;

    private BrowserSession browser;
    private Page page;
    private String uai;

    @BeforeEach
    void open() {
        uai = CompetencesFixture.uai(CompetencesFixture.college());
        browser = BrowserSession.open(SharedPlatform.baseUrl());
        page = browser.login(T, CompetencesFixture.college().login());
    }

    @AfterEach
    void close() {
        browser.closeExpectingCleanConsole();
    }

    @Test
    void listDetailInvalidateAndAddWithInteractiveProposals() throws SQLException {
        long person = CompetencesFixture.newPerson(uai, "ZZNAVIGATEUR");
        List<Long> dnb = CompetencesFixture.epreuves("'DNB'", 3);
        CompetencesFixture.author(person, dnb.get(0), "SYS", "SYS", "C");

        browser.go("/" + T + "/competences/");
        assertThat(page.locator("h1")).hasText("Saisie des compétences");
        assertThat(page.locator("thead th")).containsText(new String[]{"Nom", "Prénom", "Discipline de poste", "Compétences définies"});
        Axe.assertNoViolations(page);
        browser.screenshot("30-competences-liste");

        page.getByLabel("Filtrer par mot-clé").pressSequentially("zznavigateur", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator("tbody tr")).hasCount(1);
        assertThat(page.locator("tbody tr").first().locator("td").nth(3)).hasText("OUI");
        page.locator("tbody tr").first().locator("a").click();
        page.waitForURL(Pattern.compile(".*/" + T + "/competences/" + person + "(\\?.*)?"));
        assertThat(page.locator("#table-competences tbody")).containsText("SYS (C)");
        Axe.assertNoViolations(page);
        browser.screenshot("31-competences-detail");

        // X on a system compétence: it stays, with the establishment's (I)
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Invalider ou supprimer la compétence"))).click();
        page.waitForLoadState();
        assertThat(page.locator("#table-competences tbody")).containsText(uai + " (I) SYS (C)");

        // the teachings tab, read-only
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Liste des enseignements")).click();
        assertThat(page.locator("#table-enseignements")).containsText("INNOVATION TECHNO.");
        Axe.assertNoViolations(page);

        // add a compétence: exam, then spécialité, then épreuve option proposed from the JSON endpoint
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Liste des compétences")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ajouter une compétence")).click();
        assertThat(page.locator("h1")).containsText("Ajouter une compétence");
        assertThat(page.locator("[data-sans-script]")).isHidden();
        String examen = CompetencesFixture.strings("""
                select s.examen_code || '|' || s.id || '|' || eo.id from t_rennes.epreuve_option eo
                join t_rennes.specialite s on s.id = eo.specialite_id where eo.id = %d""".formatted(dnb.get(1))).get(0);
        String[] ids = examen.split("\\|");
        page.locator("#ajout-examen").selectOption(new SelectOption().setValue(ids[0]));
        assertThat(page.locator("#ajout-specialite")).isEnabled();
        page.locator("#ajout-specialite").selectOption(new SelectOption().setValue(ids[1]));
        assertThat(page.locator("#ajout-epreuve")).isEnabled();
        page.locator("#ajout-epreuve").selectOption(new SelectOption().setValue(ids[2]));
        Axe.assertNoViolations(page);
        browser.screenshot("32-competences-ajout");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter")).click();
        page.waitForURL(Pattern.compile(".*/" + T + "/competences/" + person + "(\\?.*)?"));
        assertThat(page.locator("#table-competences tbody tr[data-epreuve='" + dnb.get(1) + "']")).containsText(uai + " (C)");
        assertThat(CompetencesFixture.authors(person, dnb.get(1))).containsExactly(uai + " (C)");

        // "Filtrer par mot-clé" (guide §3.3): the épreuve's label keeps its row; the buttons' labels are not searched
        String libelle = CompetencesFixture.strings("select libelle from t_rennes.epreuve_option where id = " + dnb.get(1)).get(0);
        Locator rows = page.locator("#table-competences tbody tr:not([data-tableau-aucune])");
        int total = rows.count();
        assertThat(total).isGreaterThan(1);
        Locator titre = page.locator("#table-competences-titre");
        assertThat(titre).hasText("Liste des compétences (" + total + " lignes)");
        Locator motCle = page.locator("#onglet-competences-panel").getByLabel("Filtrer par mot-clé");
        motCle.fill(libelle.toLowerCase());
        assertThat(titre).hasText("Liste des compétences (1 ligne)");
        assertThat(rows.filter(new Locator.FilterOptions().setVisible(true))).hasCount(1);
        assertThat(page.locator("#table-competences tbody tr[data-epreuve='" + dnb.get(1) + "']")).isVisible();
        motCle.fill("invalider");
        assertThat(titre).hasText("Liste des compétences (0 ligne)");
        assertThat(page.locator("#table-competences [data-tableau-aucune]")).isVisible();
        Axe.assertNoViolations(page);
        motCle.fill("");
        assertThat(titre).hasText("Liste des compétences (" + total + " lignes)");
        assertThat(rows.filter(new Locator.FilterOptions().setVisible(true))).hasCount(total);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Retour")).click();
        page.waitForURL(Pattern.compile(".*/" + T + "/competences/(\\?.*)?"));
        assertThat(page.locator("h1")).hasText("Saisie des compétences");
    }

    @Test
    void validationPageWithItsMandatoryCheckboxThenTheReadOnlyState() throws SQLException {
        try {
            browser.go("/" + T + "/validation-competences/");
            assertThat(page.locator("h1")).hasText("Validation saisie compétences");
            assertThat(page.locator("main")).containsText("Vous ne pourrez plus alors modifier la saisie des compétences");
            Axe.assertNoViolations(page);
            browser.screenshot("33-validation-competences");
            page.getByLabel("J'ai terminé la saisie des compétences. *").check(new Locator.CheckOptions().setForce(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider")).click();
            page.waitForLoadState();
            assertThat(page.locator("main")).containsText("Saisie des compétences validée");
            assertThat(page.locator("#console-messages li").first()).containsText("La saisie des compétences est validée");
            Axe.assertNoViolations(page);
            assertThat(CompetencesFixture.count("select count(*) from t_rennes.validation_competences where uai = '" + uai + "'")).isOne();
        } finally {
            CompetencesFixture.execute("delete from t_rennes.validation_competences where uai = '" + uai + "'");
        }
    }
}
