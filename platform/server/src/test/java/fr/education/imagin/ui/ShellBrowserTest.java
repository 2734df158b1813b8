package fr.education.imagin.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The shell in real Chromium against the real platform: header, menu, console, full screen, settings. */
class ShellBrowserTest {

    private static final String CENTRE = "ce.0310038y";
    private static final Pattern CONSOLE_LINE = Pattern.compile("^\\(\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}\\) ");

    private BrowserSession browser;

    /** The activity these tests see closed by the office (the demo opens every activity). */
    private static final String CLOSED = "indemnites";

    @BeforeEach
    void open() {
        fr.education.imagin.testkit.TestSql.execute("update t_toulouse.activite set ouverte = false where code = '" + CLOSED + "'");
        browser = BrowserSession.open(SharedPlatform.baseUrl());
    }

    @AfterEach
    void close() {
        try {
            browser.closeExpectingCleanConsole();
        } finally {
            fr.education.imagin.testkit.TestSql.execute("update t_toulouse.activite set ouverte = true where code = '" + CLOSED + "'");
        }
    }

    @Test
    void landingAndLoginPagesAreDsfrPagesWithoutAccessibilityViolations() {
        Page page = browser.go("/");
        assertThat(page.locator(".fr-header .fr-logo")).hasText(Pattern.compile("République\\s*Française", Pattern.CASE_INSENSITIVE));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ACADEMIE DE TOULOUSE"))).isVisible();
        Axe.assertNoViolations(page);
        browser.screenshot("01-academies");

        page = browser.go("/toulouse/connexion");
        assertThat(page.locator(".fr-header__service-tagline")).hasText("ACADEMIE DE TOULOUSE");
        Axe.assertNoViolations(page);
        browser.screenshot("02-connexion");
    }

    @Test
    void homeShowsAcademyEstablishmentWelcomeMessageAndTheMenuStates() {
        Page page = browser.login("toulouse", CENTRE);
        assertThat(page.locator("#bandeau-etablissement")).hasText("ACADEMIE DE TOULOUSE - LYCEE POLYVALENT PIERRE-PAUL RIQUET");
        assertThat(page.locator("#message-accueil + p")).containsText("Bienvenue sur IMAG'IN");
        assertThat(page.locator(".imagin-menu__groupe")).hasText(new String[]{"Etablissement", "Centre Examen"});

        Locator open = page.locator("[data-activite=personnels]");
        assertThat(open).hasAttribute("data-etat", "ouverte");
        assertThat(open.getByRole(AriaRole.LINK)).hasAttribute("href", "/toulouse/personnels/");
        Locator closed = page.locator("[data-activite=indemnites]");
        assertThat(closed).hasAttribute("data-etat", "fermee");
        assertThat(closed.locator("a")).hasCount(0);
        assertThat(closed).containsText("activité fermée");
        Axe.assertNoViolations(page);
        browser.screenshot("03-accueil");

        page.locator("[data-activite=personnels] a").click();
        assertThat(page.locator("[data-activite=personnels]")).hasAttribute("data-etat", "courante");
        assertThat(page.locator("[data-activite=personnels] a")).hasAttribute("aria-current", "page");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aide")))
                .hasAttribute("href", "/toulouse/aide/personnels");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aide"))).hasAttribute("target", "_blank");
    }

    @Test
    void anActivityClosedByTheOfficeIsRefusedByTheServerInFrench() {
        Page page = browser.login("toulouse", CENTRE);
        Response response = page.navigate(SharedPlatform.baseUrl() + "/toulouse/indemnites/");
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("Activité fermée");
        assertThat(page.locator("main")).containsText("n'est pas ouverte par le service gestionnaire");
        assertThat(page.content()).doesNotContain("Exception");
        Axe.assertNoViolations(page);
        browser.screenshot("04-activite-fermee");

        assertThat(page.navigate(SharedPlatform.baseUrl() + "/toulouse/indemnites/saisie/12").status()).isEqualTo(403);
        assertThat(page.navigate(SharedPlatform.baseUrl() + "/toulouse/page-inconnue").status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Page introuvable");
        Axe.assertNoViolations(page);
    }

    @Test
    void aNonCentreEstablishmentHasNoCentreExamenGroupAndIsRefusedItsActivities() throws SQLException {
        DemoAccount other = SharedPlatform.get().demoAccounts().stream()
                .filter(a -> "toulouse".equals(a.tenantCode()) && a.role() == Role.CHEF_ETABLISSEMENT && !a.login().equals(CENTRE))
                .findFirst().orElseThrow();
        String uai = other.uais().get(0);
        boolean centre = setExamCentre(uai, false);
        try {
            Page page = browser.login("toulouse", other.login());
            assertThat(page.locator(".imagin-menu__groupe")).hasText(new String[]{"Etablissement"});
            assertThat(page.navigate(SharedPlatform.baseUrl() + "/toulouse/missions/").status()).isEqualTo(403);
            assertThat(page.locator("main")).containsText("réservée aux établissements centres d'examen");
        } finally {
            setExamCentre(uai, centre);
        }
    }

    @Test
    void fullScreenHidesHeaderAndMenuKeepsContentAndConsoleAndWorksWithTheKeyboard() {
        Page page = browser.login("toulouse", CENTRE);
        Locator toggle = page.locator("#plein-ecran");
        toggle.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("header.fr-header")).isHidden();
        assertThat(page.locator("#menu-activites")).isHidden();
        assertThat(page.locator("#contenu")).isVisible();
        assertThat(page.locator("#console")).isVisible();
        assertThat(toggle).hasAttribute("aria-pressed", "true");
        assertThat(toggle).hasText("Quitter le plein écran");
        browser.screenshot("05-plein-ecran");

        page.keyboard().press("Escape");
        assertThat(page.locator("header.fr-header")).isVisible();
        assertThat(page.locator("#menu-activites")).isVisible();
        assertThat(toggle).hasAttribute("aria-pressed", "false");
    }

    @Test
    void consoleShowsTimestampedMessagesFromTheServerAndInFrench() {
        Page page = browser.login("toulouse", CENTRE);
        assertThat(page.locator("#console-messages li")).hasText(new String[]{"Aucun message."});
        browser.go("/toulouse/personnels/?periode=disponibilite&du=32/13/2024&au=15/06/2025");
        Locator first = page.locator("#console-messages li").first();
        assertThat(first).hasText(Pattern.compile("^\\(\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}\\) Erreur : "
                + "La date de début de période « 32/13/2024 » n'existe pas\\.$"));
        assertThat(first).hasClass(Pattern.compile("imagin-console__message--nouveau"));
        assertThat(CONSOLE_LINE.matcher(first.textContent()).find()).isTrue();
    }

    /** Issue 11 point 3: the error beside its field too, and not carried onto the pages visited next. */
    @Test
    void aFilterErrorShowsBesideItsFieldAndOnlyOnItsOwnPage() {
        Page page = browser.login("toulouse", CENTRE);
        browser.go("/toulouse/personnels/?periode=disponibilite&du=32/13/2024&au=15/06/2025");
        Locator from = page.getByLabel("du", new Page.GetByLabelOptions().setExact(true));
        assertThat(from).hasAttribute("aria-invalid", "true");
        String describedBy = from.getAttribute("aria-describedby");
        Locator error = page.locator("#" + describedBy);
        assertThat(error).hasClass(Pattern.compile("fr-error-text"));
        assertThat(error).hasText("La date de début de période « 32/13/2024 » n'existe pas.");
        assertThat(page.locator(".fr-input-group--error")).hasCount(1);
        assertThat(page.getByLabel("au", new Page.GetByLabelOptions().setExact(true))).not().hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#console-messages")).containsText("n'existe pas");
        Axe.assertNoViolations(page);
        browser.screenshot("11-filtre-date-erreur");

        // The end before the start: said beside "au".
        browser.go("/toulouse/personnels/?periode=disponibilite&du=15/06/2025&au=01/06/2025");
        assertThat(page.locator(".fr-error-text")).hasText(new String[]{"La date de fin de période précède la date de début."});
        assertThat(page.getByLabel("au", new Page.GetByLabelOptions().setExact(true))).hasAttribute("aria-invalid", "true");

        // Another page, then the same list without the wrong dates: no trace of the error.
        browser.go("/toulouse/competences/");
        assertThat(page.locator("#console-messages li")).hasText(new String[]{"Aucun message."});
        browser.go("/toulouse/personnels/");
        assertThat(page.locator("#console-messages li")).hasText(new String[]{"Aucun message."});
        assertThat(page.locator(".fr-error-text")).hasCount(0);
    }

    @Test
    void accessibilitySettingsAreRememberedAfterLogoutUsingOnlyTheKeyboard() {
        DemoAccount chef = SharedPlatform.get().demoAccounts().stream()
                .filter(a -> "rennes".equals(a.tenantCode()) && a.role() == Role.CHEF_ETABLISSEMENT)
                .findFirst().orElseThrow();
        Page page = browser.login("rennes", chef.login());
        assertThat(page.locator("html")).hasClass(Pattern.compile("imagin-police-100"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accessibilité")).focus();
        page.keyboard().press("Enter");
        Locator dialog = page.locator("#modale-accessibilite");
        assertThat(dialog).isVisible();
        Axe.assertNoViolations(page);
        for (String option : List.of("Très grande", "Renforcé", "Augmenté", "Justifiée")) {
            page.getByLabel(option).focus();
            page.keyboard().press("Space");
            assertThat(page.getByLabel(option)).isChecked();
        }
        browser.screenshot("06-parametres-accessibilite");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).press("Enter");
        page.waitForURL("**/rennes/");

        Locator html = page.locator("html");
        assertThat(html).hasClass(Pattern.compile("imagin-police-150"));
        assertThat(html).hasClass(Pattern.compile("imagin-contraste-renforce"));
        assertThat(page.locator("#console-messages li").first()).containsText("Information : Vos paramètres d'accessibilité ont été enregistrés.");
        Axe.assertNoViolations(page);
        browser.screenshot("07-accueil-grande-police-contraste");

        browser.logout();
        page.waitForURL("**/rennes/connexion");
        assertThat(page.locator("html")).hasClass(Pattern.compile("imagin-police-100"));
        browser.login("rennes", chef.login());
        assertThat(page.locator("html")).hasClass(Pattern.compile("imagin-police-150"));
        assertThat(page.locator("html")).hasClass(Pattern.compile("imagin-interligne-augmente"));
        assertThat(page.locator("html")).hasClass(Pattern.compile("imagin-texte-justifie"));
    }

    @Test
    void skipLinksLeadTheKeyboardToContentMenuAndConsole() {
        Page page = browser.login("toulouse", CENTRE);
        page.keyboard().press("Tab");
        Locator focused = page.locator(":focus");
        assertThat(focused).hasText("Contenu");
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Menu des activités");
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Consultation des personnels");
    }

    @Test
    void helpPagesGuideTutorialSiteMapAndActivityHelpHaveNoViolations() {
        Page page = browser.login("toulouse", CENTRE);
        for (String path : new String[]{"/toulouse/guide", "/toulouse/tutoriel", "/toulouse/plan-du-site",
                "/toulouse/aide/accueil", "/toulouse/aide/personnels"}) {
            browser.go(path);
            assertThat(page.locator("h1")).isVisible();
            Axe.assertNoViolations(page);
        }
        browser.go("/toulouse/plan-du-site");
        assertThat(page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Consultation des personnels"))).isVisible();
        browser.screenshot("08-plan-du-site");
    }

    /** Issue 11 point 5: the gestionnaire's tutorial and site map are about their own pages. */
    @Test
    void tutorialAndSiteMapFollowTheSignedInRole() {
        Page page = browser.login("toulouse", "gest.toulouse");
        browser.go("/toulouse/tutoriel");
        assertThat(page.locator("main")).containsText("Administration de l'académie");
        assertThat(page.locator("main")).not().containsText("Consultation des personnels");
        assertThat(page.locator("main")).not().containsText("menu à gauche");
        Axe.assertNoViolations(page);
        browser.screenshot("11-tutoriel-gestionnaire");

        browser.go("/toulouse/plan-du-site");
        Locator main = page.locator("main");
        for (String office : List.of("Ouverture des activités", "Journal d'audit de l'académie",
                "États de frais : validation, paiement et export", "Taux des indemnités des chefs de centre")) {
            assertThat(main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(office).setExact(true))).isVisible();
        }
        assertThat(main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Consultation des personnels"))).hasCount(0);
        Axe.assertNoViolations(page);
        browser.screenshot("11-plan-du-site-gestionnaire");
        browser.go("/toulouse/aide/accueil");
        assertThat(page.locator("main")).not().containsText("menu à gauche");
        browser.logout();

        page = browser.login("toulouse", CENTRE);
        browser.go("/toulouse/tutoriel");
        assertThat(page.locator("main")).containsText("choisissez par exemple « Consultation des personnels »");
        browser.go("/toulouse/plan-du-site");
        assertThat(page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ouverture des activités"))).hasCount(0);
    }

    /** Sets the establishment's exam-centre flag; returns the previous one. */
    private static boolean setExamCentre(String uai, boolean centre) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc();
             PreparedStatement st = conn.prepareStatement("update t_toulouse.etablissement e set centre_examen = ? "
                     + "from t_toulouse.etablissement before where e.uai = ? and before.uai = e.uai returning before.centre_examen")) {
            st.setBoolean(1, centre);
            st.setString(2, uai);
            try (ResultSet rows = st.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
