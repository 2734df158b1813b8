package fr.education.imagin.indisponibilites;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.core.security.Role;
import fr.education.imagin.demo.DemoAccount;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Saisie d'indisponibilité" in real Chromium, as the chef of a Rennes collège: find a person,
 * add an unavailability (after a mistake), delete it; every screen checked with axe-core.
 */
class IndisponibilitesBrowserTest {

    private static final String NOM = "PARCOURS-INDISPO";

    private BrowserSession browser;
    private String uai;
    private String login;

    @BeforeEach
    void open() throws SQLException {
        List<DemoAccount> chefs = SharedPlatform.get().demoAccounts().stream()
                .filter(a -> "rennes".equals(a.tenantCode()) && a.role() == Role.CHEF_ETABLISSEMENT && a.uais().size() == 1)
                .toList();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            for (DemoAccount chef : chefs) {
                try (ResultSet rs = st.executeQuery("select categorie from t_rennes.etablissement where uai = '" + chef.uais().get(0) + "'")) {
                    if (rs.next() && "COLLEGE".equals(rs.getString(1))) {
                        uai = chef.uais().get(0);
                        login = chef.login();
                    }
                }
            }
            assertThat(uai).as("a collège chef among the Rennes demo accounts").isNotNull();
            try (ResultSet rs = st.executeQuery("select count(*) from t_rennes.personnel where numen = 'PARCOURS-INDISPO-1'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    st.execute("""
                            with p as (insert into t_rennes.personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                                       values ('PARCOURS-INDISPO-1', 'M.', '%s', 'Yannick', date '1970-12-24', 'HISTOIRE GEOGRAPHIE')
                                       returning id)
                            insert into t_rennes.lieu_exercice (personnel_id, uai, principal) select id, '%s', false from p"""
                            .formatted(NOM, uai));
                }
            }
        }
        browser = BrowserSession.open(SharedPlatform.baseUrl());
        browser.login("rennes", login);
    }

    @AfterEach
    void close() {
        browser.closeExpectingCleanConsole();
    }

    @Test
    void theKeywordFilterNarrowsThePersonsUnavailabilitiesAndTheirCount() throws SQLException {
        long person;
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("select id from t_rennes.personnel where numen = 'PARCOURS-INDISPO-1'")) {
                rs.next();
                person = rs.getLong(1);
            }
            st.execute("delete from t_rennes.indisponibilite where personnel_id = " + person);
            st.execute("""
                    insert into t_rennes.indisponibilite (personnel_id, debut, fin, motif, origine, declarant_uai) values
                      (%1$d, timestamp '2031-03-02 08:00', timestamp '2031-03-02 12:00', 'Stage de formation à Évreux', 'EPP', null),
                      (%1$d, timestamp '2031-04-10 08:00', timestamp '2031-04-11 17:00', 'JURY DE CONCOURS', 'SIRHEN', null),
                      (%1$d, timestamp '2031-05-20 14:00', timestamp '2031-05-20 18:00', 'FORMATION CONTINUE', 'EPP', null),
                      (%1$d, timestamp '2031-06-03 08:00', timestamp '2031-06-03 17:00', 'Sortie scolaire', 'ETABLISSEMENT', '%2$s')"""
                    .formatted(person, uai));
        }
        try {
            Page page = browser.go("/rennes/indisponibilites/" + person);
            Locator title = page.locator("#indisponibilites-titre");
            Locator rows = page.locator("#indisponibilites tbody tr:not([data-tableau-aucune])");
            Locator shown = rows.filter(new Locator.FilterOptions().setVisible(true));
            Locator noMatch = page.locator("#indisponibilites [data-tableau-aucune]");
            Locator status = page.locator("#indisponibilites-statut");
            assertThat(title).hasText("Liste des indisponibilités (4 lignes)");
            // newest first
            assertThat(rows.locator("td:nth-child(5)")).hasText(new String[]{
                "Sortie scolaire", "FORMATION CONTINUE", "JURY DE CONCOURS", "Stage de formation à Évreux"});

            Locator keyword = page.getByLabel("Filtrer par mot-clé");
            keyword.pressSequentially("formation", new Locator.PressSequentiallyOptions().setDelay(30));
            assertThat(title).hasText("Liste des indisponibilités (2 lignes)");
            assertThat(shown.locator("td:nth-child(5)")).hasText(new String[]{"FORMATION CONTINUE", "Stage de formation à Évreux"});
            assertThat(status).hasText("Liste des indisponibilités (2 lignes)");

            // Every word must match, case and accents ignored; dates and origins are cells too.
            keyword.fill("EVREUX  Formation");
            assertThat(title).hasText("Liste des indisponibilités (1 ligne)");
            assertThat(shown.locator("td:nth-child(5)")).hasText(new String[]{"Stage de formation à Évreux"});
            keyword.fill("10/04/2031 sirhen");
            assertThat(shown.locator("td:nth-child(5)")).hasText(new String[]{"JURY DE CONCOURS"});
            Axe.assertNoViolations(page);
            browser.screenshot("43-indisponibilites-detail-filtre");

            // The delete button's label is not a cell text: nothing matches it.
            keyword.fill("supprimer");
            assertThat(title).hasText("Liste des indisponibilités (0 ligne)");
            assertThat(shown).hasCount(0);
            assertThat(noMatch).isVisible();
            assertThat(noMatch).hasText("Aucune ligne ne correspond à la recherche.");
            assertThat(status).hasText("Liste des indisponibilités (0 ligne) Aucune ligne ne correspond à la recherche.");
            Axe.assertNoViolations(page);

            keyword.fill("");
            assertThat(title).hasText("Liste des indisponibilités (4 lignes)");
            assertThat(shown).hasCount(4);
            assertThat(noMatch).isHidden();
        } finally {
            try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
                st.execute("delete from t_rennes.indisponibilite where personnel_id = " + person);
            }
        }
    }

    @Test
    void findAPersonAddAnUnavailabilityAfterAMistakeThenDeleteIt() {
        Page page = browser.go("/rennes/indisponibilites/");
        assertThat(page.locator("h1")).hasText("Saisie d'indisponibilité");
        assertThat(page.locator(".imagin-liste__titre")).hasText(Pattern.compile("Liste des personnels \\(\\d+ lignes?\\)"));
        assertThat(page.locator("thead th")).containsText(new String[]{"Nom", "Prénom", "Date de naissance", "Discipline de poste"});
        Axe.assertNoViolations(page);
        browser.screenshot("40-indisponibilites-liste");

        page.getByLabel("Filtrer par mot-clé").pressSequentially("parcours-indispo", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator(".imagin-liste__titre")).hasText("Liste des personnels (1 ligne)");
        assertThat(page.locator("tbody tr").first()).containsText("24/12/1970");
        page.locator("tbody tr").first().locator("td").nth(1).click();
        page.waitForURL(Pattern.compile(".*/rennes/indisponibilites/\\d+\\?retour=.*"));
        assertThat(page.locator("h1")).containsText(NOM);
        assertThat(page.locator("main")).containsText("HISTOIRE GEOGRAPHIE");
        Axe.assertNoViolations(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ajouter une indisponibilité")).click();
        assertThat(page.locator("h1")).containsText("Ajouter une indisponibilité");
        Axe.assertNoViolations(page);
        page.getByLabel("Date de début").fill("15/05/2031");
        page.getByLabel("Heure de début").fill("08:00");
        page.getByLabel("Date de fin").fill("14/05/2031");
        page.getByLabel("Heure de fin").fill("18:00");
        page.getByLabel("Motif").fill("Sortie pédagogique");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l'indisponibilité")).click();
        assertThat(page.locator("#console-messages")).containsText("Erreur : L'indisponibilité n'a pas été enregistrée.");
        assertThat(page.locator("#console-messages")).containsText(
                "Erreur : La fin de l'indisponibilité (14/05/2031 18:00) doit être postérieure à son début (15/05/2031 08:00).");
        assertThat(page.getByLabel("Motif")).hasValue("Sortie pédagogique");
        Axe.assertNoViolations(page);
        browser.screenshot("41-indisponibilite-ajout-erreur");

        page.getByLabel("Date de fin").fill("16/05/2031");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l'indisponibilité")).click();
        page.waitForURL(Pattern.compile(".*/rennes/indisponibilites/\\d+\\?retour=.*"));
        assertThat(page.locator("#console-messages li").first())
                .containsText("L'indisponibilité du 15/05/2031 08:00 au 16/05/2031 18:00 est enregistrée.");
        Locator row = page.locator("#indisponibilites tbody tr", new Page.LocatorOptions().setHasText("Sortie pédagogique"));
        assertThat(row.locator("td")).containsText(new String[]{"15/05/2031", "08:00", "16/05/2031", "18:00", "Sortie pédagogique", "Établissement"});
        Axe.assertNoViolations(page);
        browser.screenshot("42-indisponibilite-detail");

        List<String> questions = new java.util.ArrayList<>();
        page.onceDialog(dialog -> {
            questions.add(dialog.message());
            dialog.dismiss();
        });
        row.getByRole(AriaRole.BUTTON).click();
        assertThat(row).hasCount(1);
        assertThat(questions).containsExactly("Supprimer l'indisponibilité du 15/05/2031 08:00 au 16/05/2031 18:00 ?");
        page.onceDialog(dialog -> dialog.accept());
        row.getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator("#console-messages li").first()).containsText("L'indisponibilité est supprimée.");
        assertThat(page.locator("#indisponibilites tbody tr", new Page.LocatorOptions().setHasText("Sortie pédagogique"))).hasCount(0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Retour")).click();
        assertThat(page.getByLabel("Filtrer par mot-clé")).hasValue("parcours-indispo");
    }
}
