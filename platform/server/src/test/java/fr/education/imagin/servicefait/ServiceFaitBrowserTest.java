package fr.education.imagin.servicefait;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Statement;
import java.time.LocalDate;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.education.imagin.testkit.TestSql.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Constat service fait" in real Chromium as the exam centre 0310038Y of Toulouse: from the list
 * to one mission's constat, a refused "Enregistrer" (a service non fait without its motif) that
 * keeps what was typed, then the saved constat and its expenses; the hours page of a practical
 * mission; the office then validates one intervenant's expense on its own screen and the centre
 * finds that line "Traité par gestionnaire", no longer editable; and the office's page. Every
 * screen checked with axe-core.
 */
class ServiceFaitBrowserTest {

    private static final LocalDate PAST = ServiceFaitMissions.PAST;
    private static long ecrit;
    private static long prat;
    private static long anne;
    private static long bernard;
    private static long pratConvoque;

    @BeforeAll
    static void create() {
        ServiceFaitMissions.create();
        TestSql.inSchema("t_toulouse", ServiceFaitBrowserTest::insert);
    }

    private static void insert(Statement st) throws java.sql.SQLException {
        long session = single(st, "select id from session_examen where examen_code = '470' and annee = " + ServiceFaitMissions.YEAR);
        long epreuve = single(st, "select id from epreuve_option order by id limit 1");
        ecrit = single(st, """
                insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut, date_fin, candidats_attendus)
                values ('ZZCSFB-ECRIT', 'CORR', %d, %d, '0310038Y', date '%s', date '%3$s', 33) returning id""".formatted(session, epreuve, PAST));
        prat = single(st, """
                insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut, date_fin, candidats_attendus)
                values ('ZZCSFB-PRAT', 'PRAT', %d, %d, '0310038Y', date '%s', date '%s', 12) returning id"""
                .formatted(session, epreuve, PAST, PAST.plusDays(1)));
        anne = single(st, "insert into affectation (mission_id, personnel_id, statut, auteur) values (" + ecrit + ", "
                + ServiceFaitMissions.personnes[0] + ", 'CONVOQUEE', 'ACADEMIE') returning id");
        bernard = single(st, "insert into affectation (mission_id, personnel_id, statut, auteur) values (" + ecrit + ", "
                + ServiceFaitMissions.personnes[1] + ", 'CONVOQUEE_PAR_CENTRE', 'CENTRE') returning id");
        pratConvoque = single(st, "insert into affectation (mission_id, personnel_id, statut, auteur) values (" + prat + ", "
                + ServiceFaitMissions.personnes[0] + ", 'CONVOQUEE', 'ACADEMIE') returning id");
    }

    /** The DSFR draws the radio on the label: the user clicks the label. */
    private static void choose(Page page, String id) {
        page.locator("label[for='" + id + "']").click();
        assertThat(page.locator("#" + id)).isChecked();
    }

    @Test
    void fromTheListToOneConstatRefusedThenSaved() {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "ce.0310038y");
            browser.go("/toulouse/service-fait/?annee=" + ServiceFaitMissions.YEAR + "&filtre=1");
            assertThat(page.locator("h1")).hasText("Constat service fait");
            assertThat(page.locator("input[name=masquer][value=constatees]")).not().isChecked();
            Axe.assertNoViolations(page);
            browser.screenshot("70-service-fait-liste");
            page.getByLabel("Filtrer par mot-clé").pressSequentially("zzcsfb-ecrit", new Locator.PressSequentiallyOptions().setDelay(30));
            assertThat(page.locator(".imagin-liste__titre")).hasText("Liste des missions (1 ligne)");
            Locator row = page.locator("tbody tr").first();
            assertThat(row).containsText("Mission effectuée");
            row.locator("td").nth(4).click();

            page.waitForURL(Pattern.compile(".*/toulouse/service-fait/" + ecrit + "\\?retour=.*"));
            assertThat(page.locator("h1")).hasText("Constat service fait");
            assertThat(page.locator("#table-intervenants-titre")).hasText("Liste des intervenants convoqués (2 lignes)");
            Axe.assertNoViolations(page);
            browser.screenshot("71-service-fait-detail");

            page.locator("#quantite-" + anne).fill("21");
            choose(page, "fait-" + anne);
            choose(page, "nonfait-" + bernard);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
            page.waitForLoadState();
            assertThat(page.locator("#console-messages")).containsText("Le constat de service fait n'a pas été enregistré");
            assertThat(page.locator("#erreur-" + bernard)).containsText("le motif du service non fait est obligatoire.");
            // What was typed comes back.
            assertThat(page.locator("#quantite-" + anne)).hasValue("21");
            assertThat(page.locator("#fait-" + anne)).isChecked();
            Axe.assertNoViolations(page);
            browser.screenshot("72-service-fait-erreur");
            assertThat(TestSql.count("select count(*) from t_toulouse.service_fait where affectation_id in (" + anne + ", " + bernard + ")"))
                    .isZero();

            page.locator("#motif-" + bernard).fill("Absent");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
            page.waitForURL(Pattern.compile(".*/toulouse/service-fait/" + ecrit));
            assertThat(page.locator("#console-messages")).containsText("2 constats de service fait sont enregistrés.");
            assertThat(page.locator("#etat-mission")).hasText("Mission constatée");
            Axe.assertNoViolations(page);
            assertThat(TestSql.count("select count(*) from t_toulouse.frais where affectation_id = " + anne
                    + " and unite = 'COPIES' and quantite = 21 and statut = 'A_TRAITER'")).isEqualTo(1);
            assertThat(TestSql.count("select count(*) from t_toulouse.frais where affectation_id = " + bernard
                    + " and statut = 'ANNULE'")).isEqualTo(1);

            // The hours page of a practical mission: the mission's days, green, and the half-days.
            browser.go("/toulouse/service-fait/" + prat);
            Axe.assertNoViolations(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Horaires de ZZCSF-UN Anne")).click();
            page.waitForURL(Pattern.compile(".*/toulouse/service-fait/" + prat + "/" + pratConvoque + "/horaires"));
            assertThat(page.locator("main")).containsText("* Les dates en vert correspondent aux dates de mission.");
            Axe.assertNoViolations(page);
            browser.screenshot("73-service-fait-horaires");
            page.locator("#matinDebut-" + PAST).fill("08:00");
            page.locator("#matinFin-" + PAST).fill("12:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Service Fait")).click();
            page.waitForURL(Pattern.compile(".*/toulouse/service-fait/" + prat));
            assertThat(page.locator("#table-intervenants")).containsText("4");
            assertThat(page.locator("#fait-" + pratConvoque)).isChecked();
            assertThat(TestSql.count("select count(*) from t_toulouse.frais where affectation_id = " + pratConvoque
                    + " and unite = 'HEURES' and quantite = 4")).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(browser.consoleErrors()).as("browser console (CSP, scripts)").isEmpty();
        }

        // The office validates Anne's expense from its own screen...
        long session = TestSql.count("select session_id from t_toulouse.mission where id = " + ecrit);
        long frais = TestSql.count("select id from t_toulouse.frais where affectation_id = " + anne);
        try (BrowserSession office = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = office.login("toulouse", "gest.toulouse");
            office.go("/toulouse/administration/frais/sessions/" + session + "/");
            page.getByLabel("Filtrer par mot-clé").pressSequentially("zzcsfb-ecrit", new Locator.PressSequentiallyOptions().setDelay(30));
            assertThat(page.locator(".imagin-liste__titre")).hasText("Frais de la session (2 lignes)");
            page.locator("label[for='liste-frais-selection-" + frais + "']").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider").setExact(true)).click();
            page.waitForLoadState();
            assertThat(page.locator("#console-messages")).containsText("1 frais validé.");
        }
        // ...and the centre's constat shows the line processed, no longer editable, the other line still is.
        try (BrowserSession centre = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = centre.login("toulouse", "ce.0310038y");
            centre.go("/toulouse/service-fait/" + ecrit);
            assertThat(page.locator("#table-intervenants")).containsText("Traité par gestionnaire");
            assertThat(page.locator("#fait-" + anne)).hasCount(0);
            assertThat(page.locator("#nonfait-" + bernard)).isChecked();
            Axe.assertNoViolations(page);
            centre.screenshot("74-service-fait-traite");
        }
    }

    @Test
    void theOfficePageIsAccessible() {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "gest.toulouse");
            browser.go("/toulouse/administration/service-fait");
            assertThat(page.locator("h1")).hasText("Constat de service fait");
            Axe.assertNoViolations(page);
            page.locator("#numero").fill("ZZCSFB-ECRIT");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ouvrir la mission")).click();
            page.waitForURL(Pattern.compile(".*/toulouse/administration/service-fait/" + ecrit));
            assertThat(page.locator("#table-intervenants")).containsText("ZZCSF-UN");
            Axe.assertNoViolations(page);
            org.assertj.core.api.Assertions.assertThat(browser.consoleErrors()).as("browser console (CSP, scripts)").isEmpty();
        }
    }
}
