package fr.education.imagin.missions;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** "Consultation des missions" in real Chromium: list, filters, detail and the affectation's dialog. */
class MissionsBrowserTest {

    private BrowserSession browser;
    private Page page;

    @BeforeEach
    void open() {
        CentreMissions.create();
        browser = BrowserSession.open(SharedPlatform.baseUrl());
        page = browser.login("toulouse", "ce.0310038y");
        browser.go("/toulouse/missions/");
    }

    @AfterEach
    void close() {
        browser.closeExpectingCleanConsole();
    }

    @Test
    void listThenDetailThenTheAffectationsDialogThenRetour() {
        assertThat(page.locator("h1")).hasText("Consultation des missions");
        assertThat(page.locator(".imagin-liste__titre")).hasText(Pattern.compile("Liste des missions \\(\\d+ lignes?\\)"));
        assertThat(page.locator("th").first()).hasAttribute("aria-sort", "ascending");
        assertThat(page.getByLabel(String.valueOf(CentreMissions.YEAR), new Page.GetByLabelOptions().setExact(true))).isChecked();
        Axe.assertNoViolations(page);
        browser.screenshot("30-missions-liste");

        page.getByLabel("Filtrer par mot-clé").pressSequentially("zzmis", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator(".imagin-liste__titre")).hasText("Liste des missions (1 ligne)");
        page.locator("tbody tr").first().locator("td").nth(4).click();
        page.waitForURL(Pattern.compile(".*/toulouse/missions/" + CentreMissions.mission + "\\?retour=.*"));
        assertThat(page.locator("h1")).hasText("Mission n° ZZMIS-1");
        assertThat(page.locator("#table-intervenants-titre")).hasText("Liste des intervenants convoqués (3 lignes)");
        Axe.assertNoViolations(page);
        browser.screenshot("31-mission-detail");

        // A click on the row, not on the name, opens the same dialog.
        page.locator("tr[data-modale]").first().locator("td").nth(2).click();
        Locator dialog = page.locator("#modale-affectation-" + CentreMissions.president);
        assertThat(dialog).isVisible();
        assertThat(dialog.locator("h2")).hasText("Détails de l'affectation");
        assertThat(dialog).containsText("Vice-président");
        assertThat(dialog).containsText("Apporter les sujets.");
        assertThat(dialog).containsText("B12");
        Axe.assertNoViolations(page);
        browser.screenshot("32-mission-affectation");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("OK")).click();
        assertThat(dialog).isHidden();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Retour")).click();
        assertThat(page.getByLabel("Filtrer par mot-clé")).hasValue("zzmis");
        assertThat(page.locator(".imagin-liste__titre")).hasText("Liste des missions (1 ligne)");
    }

    @Test
    void anExamFilterAppliesWithFiltrerMissionsAndEffacerFiltreComesBack() {
        // The DSFR draws the box on the label: the user clicks the label.
        String box = page.locator("input[type=checkbox][name=examen][value='" + CentreMissions.examen + "']").getAttribute("id");
        page.locator("label[for='" + box + "']").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer missions")).click();
        page.waitForURL(Pattern.compile(".*examen=" + Pattern.quote(CentreMissions.examen) + ".*"));
        assertThat(page.locator("input[type=checkbox][name=examen][value='" + CentreMissions.examen + "']")).isChecked();
        Axe.assertNoViolations(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Effacer filtre")).click();
        page.waitForURL(url -> !url.contains("examen="));
        assertThat(page.locator("input[type=checkbox][name=examen][value='" + CentreMissions.examen + "']")).not().isChecked();
    }
}
