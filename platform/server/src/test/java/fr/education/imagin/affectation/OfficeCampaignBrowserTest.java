package fr.education.imagin.affectation;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.education.imagin.testkit.TestSql.count;
import static fr.education.imagin.testkit.TestSql.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gestionnaire runs a whole campaign of one exam from the UI (issue #15): imports the
 * registrations (ECE épreuves at two centres, generating the missions through the EC/ECE plugin),
 * sets the missions' counts, runs the automatic affectation, accepts its proposal, convenes one
 * mission's people and follows it in "Avancement de l'affectation". The exam, its establishments
 * and its eight competent people are this test's own; axe-core on every screen.
 */
class OfficeCampaignBrowserTest {

    private static final int YEAR = LocalDate.now().getYear() + 1;

    @BeforeAll
    static void arrange() {
        SharedPlatform.get();
        TestSql.inSchema("t_toulouse", st -> {
            st.execute("insert into etablissement (uai, nom, categorie, commune, latitude, longitude) values"
                    + " ('0319993X', 'LYCEE CAMPAGNE UN', 'LGT', 'TOULOUSE', 43.60, 1.44),"
                    + " ('0319994Y', 'LYCEE CAMPAGNE DEUX', 'LGT', 'MURET', 43.46, 1.33),"
                    + " ('0319995Z', 'LYCEE CAMPAGNE SANTORIN', 'LGT', 'ALBI', 43.93, 2.15)");
            st.execute("insert into examen (code, sigle, libelle, famille) values ('T84', 'TCA', 'EXAMEN CAMPAGNE', 'BAC_GENERAL')");
            st.execute("insert into session_examen (examen_code, annee, libelle) values ('T84', " + YEAR + ", 'T84, TCA, " + YEAR + "')");
            long specialite = single(st, "insert into specialite (examen_code, code, libelle) values ('T84', 'SVT', 'SVT') returning id");
            long epreuve = single(st, "insert into epreuve_option (specialite_id, code, libelle) values (" + specialite
                    + ", 'T012B', 'SVT pratique') returning id");
            for (int i = 1; i <= 8; i++) {
                long id = single(st, """
                        insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, mail_pro)
                        values ('CAMPAGNE-%d', 'Mme', 'CAMPAGNE-%d', 'Test', date '1980-01-01', 'SVT', 'campagne%d@ac-toulouse.fr')
                        returning id""".formatted(i, i, i));
                st.execute("insert into lieu_exercice (personnel_id, uai, principal) values (" + id + ", '"
                        + (i % 2 == 0 ? "0319993X" : "0319994Y") + "', true)");
                st.execute("insert into competence_auteur (personnel_id, epreuve_option_id, auteur, type_auteur, avis) values ("
                        + id + ", " + epreuve + ", 'SYS', 'SYS', 'C')");
            }
        });
    }

    private static Path registrations() throws IOException {
        String text = """
                examen;session;specialite;libelle_specialite;epreuve;libelle_epreuve;nature;cadre;type_candidat;candidats;centre_numerisation;centre_epreuve;centre_santorin;date_debut;date_fin;affectation_terminee
                T84;%1$d;SVT;SVT;T012B;SVT pratique;PRATIQUE;ECE;SCOLAIRE;32;0319993X;0319993X;0319995Z;15/03/%1$d;15/03/%1$d;O
                T84;%1$d;SVT;SVT;T012B;SVT pratique;PRATIQUE;ECE;SCOLAIRE;16;0319994Y;0319994Y;0319995Z;16/03/%1$d;16/03/%1$d;O
                """.formatted(YEAR);
        Path file = Files.createTempFile("campagne", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    @Test
    void importGenerateAffectReviewConveneFollow() throws IOException {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "gest.toulouse");
            LocatorAssertions.IsVisibleOptions slow = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

            // Import: the plugin generates a PRECE mission per centre and the coordinators' mission at the Santorin centre.
            browser.go("/toulouse/administration/imports/inscriptions");
            page.setInputFiles("#fichier", registrations());
            page.evaluate("document.body.dataset.avantImport = 'oui'");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer").setExact(true)).click();
            page.locator("body:not([data-avant-import])").waitFor();
            assertThat(page.locator("#import-resultat")).isVisible(slow);
            assertThat(page.locator("#import-resultat")).containsText("Fichier importé");
            long session = count("select id from t_toulouse.session_examen where examen_code = 'T84'");
            long missions = count("select count(*) from t_toulouse.mission where session_id = " + session);
            assertThat(missions).isGreaterThanOrEqualTo(3);

            // The session: no count yet, then one person per 16 candidates.
            browser.go("/toulouse/administration/affectation/");
            Axe.assertNoViolations(page);
            page.locator("a", new Page.LocatorOptions().setHasText("T84, TCA, " + YEAR)).click();
            assertThat(page.locator("#places-a-pourvoir")).hasText("0");
            page.getByLabel("Un intervenant pour combien de candidats attendus ?").fill("16");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fixer les besoins")).click();
            assertThat(page.locator("#console")).containsText("ont désormais un nombre d'intervenants requis");
            long places = Long.parseLong(page.locator("#places-a-pourvoir").textContent().strip());
            assertThat(places).as("2 + 1 examiners at the centres, 3 coordinators").isEqualTo(6);
            Axe.assertNoViolations(page);

            // The automatic affectation, followed by the page until its proposal shows.
            page.locator("#lancer").click();
            assertThat(page.locator("#calcul-resultat")).isVisible(slow);
            assertThat(page.locator("#calcul-resultat")).containsText("Toutes les contraintes impératives sont respectées");
            assertThat(page.locator("#calcul-resultat")).containsText("6 places pourvues sur 6");
            Axe.assertNoViolations(page);
            browser.screenshot("81-affectation-proposition");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tout accepter (6)")).click();
            assertThat(page.locator("#console")).containsText("6 personnes sont désignées");
            assertThat(count("select count(*) from t_toulouse.affectation a join t_toulouse.mission m on m.id = a.mission_id"
                    + " where m.session_id = " + session + " and a.statut = 'AFFECTEE'")).isEqualTo(6);

            // Convene the people of the first centre's mission.
            long mission = count("select id from t_toulouse.mission where session_id = " + session + " and centre_uai = '0319993X'");
            browser.go("/toulouse/administration/missions/" + mission);
            page.getByText("Tout sélectionner").click();
            page.getByLabel("Heure de début").fill("08:00");
            page.getByLabel("Heure de fin").fill("12:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Convoquer la sélection")).click();
            assertThat(page.locator("#console")).containsText("2 personnes sont convoquées");
            assertThat(count("select count(*) from t_toulouse.affectation where mission_id = " + mission
                    + " and statut = 'CONVOQUEE' and auteur = 'ACADEMIE'")).isEqualTo(2);

            // Follow: 2 convened of 6 needed.
            browser.go("/toulouse/administration/avancement/?annee=" + YEAR + "&examen=T84");
            assertThat(page.locator("main")).containsText("2 convoqués sur 6 requis");
            Axe.assertNoViolations(page);
            browser.closeExpectingCleanConsole();
        }
    }
}
