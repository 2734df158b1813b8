package fr.education.imagin.imports;

import com.microsoft.playwright.Page;
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
import java.sql.Statement;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The office's imports in real Chromium as the gestionnaire of Toulouse: the staff page reached
 * from the académie's home, a run's progress bar followed by the page's polling until its report
 * shows, the sample staff file imported then imported again (0 / 0), a file with wrong rows
 * refused with its lines; a registration file generating missions with the plugin's anomaly
 * shown; a regulation file creating an exam, its session and épreuves. Every state of the page is
 * checked with axe-core; a teachings file replacing two people's teachings. Its rows are its own:
 * the sample's NUMENs, missions of a 2001 session, an exam 9901 and two people 11E09000… no other
 * test looks at (taught a subject no épreuve has, so that no SYS compétence of the demo changes).
 */
class OfficeImportsBrowserTest {

    private static final Path SAMPLES = Path.of(System.getProperty("imagin.projectRoot", "../..")).resolve("ops/samples");
    private static final String HEADER = "examen;session;specialite;libelle_specialite;epreuve;libelle_epreuve;nature;cadre;"
            + "type_candidat;candidats;centre_numerisation;centre_epreuve;centre_santorin;date_debut;date_fin;affectation_terminee\n";
    private static String[] autres;

    @BeforeAll
    static void arrange() {
        SharedPlatform.get();
        TestSql.inSchema("t_toulouse", (Statement st) -> {
            autres = TestSql.text(st, "select string_agg(uai, ',' order by uai) from (select uai from etablissement "
                    + "where uai <> '0310038Y' order by uai limit 2) e").split(",");
            st.execute("insert into session_examen (examen_code, annee, libelle) values ('470', 2001, '470, BCG, 2001') "
                    + "on conflict do nothing");
        });
    }

    /** The sample staff file with Toulouse's establishments in place of the sample's other two. */
    private static Path staffFile(String extra) throws IOException {
        String text = Files.readString(SAMPLES.resolve("personnels.csv")).replace("0310044E", autres[0])
                .replace("0311111K", autres[1]) + extra;
        Path file = Files.createTempFile("personnels", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    private static void importer(Page page, Path file) {
        page.setInputFiles("#fichier", file);
        // Marks this document, so that the report looked for below is the next page's, not this one's.
        page.evaluate("document.body.dataset.avantImport = 'oui'");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer").setExact(true)).click();
        // The page follows the run and reloads itself with the report.
        page.locator("body:not([data-avant-import])").waitFor();
        assertThat(page.locator("#import-resultat")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                .IsVisibleOptions().setTimeout(60_000));
        page.waitForLoadState();
    }

    @Test
    void aGestionnaireFollowsAStaffImportThenImportsTheSameFileAgainAndAWrongOne() throws IOException {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "gest.toulouse");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Import des personnels et de leurs lieux d'exercice (EPP)")).click();
            page.waitForLoadState();
            assertThat(page.locator("h1")).hasText("Import des personnels et de leurs lieux d'exercice (EPP)");
            Axe.assertNoViolations(page);

            // The gestionnaire's own session without the form's CSRF token: refused, no run started.
            long runs = TestSql.count("select count(*) from t_toulouse.import_fichier");
            com.microsoft.playwright.APIResponse forged = page.request().post(SharedPlatform.baseUrl()
                    + "/toulouse/administration/imports/personnels", com.microsoft.playwright.options.RequestOptions.create()
                    .setMultipart(com.microsoft.playwright.options.FormData.create().set("fichier",
                            new com.microsoft.playwright.options.FilePayload("epp.csv", "text/csv", Files.readAllBytes(staffFile(""))))));
            org.assertj.core.api.Assertions.assertThat(forged.status()).isEqualTo(403);
            org.assertj.core.api.Assertions.assertThat(TestSql.count("select count(*) from t_toulouse.import_fichier")).isEqualTo(runs);

            // A run under way (as another member would record it): the bar follows it until it ends.
            TestSql.execute("insert into t_toulouse.import_fichier (nature, nom_fichier, etat, avancement, etape, lance_par) "
                    + "values ('PERSONNELS', 'epp.csv', 'EN_COURS', 10, 'Lecture et contrôle des lignes', 'gest.toulouse')");
            browser.go("/toulouse/administration/imports/personnels");
            assertThat(page.locator("#import-progression")).isVisible();
            assertThat(page.locator("#fichier")).hasCount(0);
            Axe.assertNoViolations(page);
            browser.screenshot("90-import-en-cours");
            TestSql.execute("update t_toulouse.import_fichier set avancement = 40, etape = 'Chargement des lignes' where etat = 'EN_COURS'");
            assertThat(page.locator("[data-suivi-pourcentage]")).hasText("40");
            assertThat(page.locator("[data-suivi-etape]")).hasText("Chargement des lignes");
            TestSql.execute("update t_toulouse.import_fichier set etat = 'REFUSE', avancement = 100, fini_le = now(), rapport = "
                    + "'{\"lignes\": 1, \"rejets\": [{\"ligne\": 2, \"motif\": \"<b>numen</b> invalide\"}]}' where etat = 'EN_COURS'");
            assertThat(page.locator("#import-resultat")).containsText("Fichier refusé : rien n'a été enregistré");
            // The report is escaped: a row's text never becomes markup.
            assertThat(page.locator("#rejets")).containsText("<b>numen</b> invalide");

            importer(page, staffFile(""));
            assertThat(page.locator("#import-resultat")).containsText("Fichier importé : 7 lignes lues");
            assertThat(page.locator("#import-resultat")).containsText("5 personnels créés, 0 mis à jour");
            // The outcome of the run the user started goes to the console once.
            assertThat(page.locator("#console-messages")).containsText("importé : 5 personnels créés, 0 mis à jour.");
            Axe.assertNoViolations(page);
            browser.screenshot("91-import-termine");
            org.assertj.core.api.Assertions.assertThat(TestSql.count("select count(*) from t_toulouse.lieu_exercice l "
                    + "join t_toulouse.personnel p on p.id = l.personnel_id where p.numen like '__E07000%'")).isEqualTo(7);

            importer(page, staffFile(""));
            assertThat(page.locator("#import-resultat")).containsText(
                    "0 personnel créé, 0 mis à jour : les données de l'académie étaient déjà celles du fichier");

            importer(page, staffFile("11E0700006FFG;Mlle;ROUX;Ana;01/01/1980;LETTRES;;;;0310038Y;O\n"));
            assertThat(page.locator("#import-resultat")).containsText("1 rejet sur 8 lignes lues");
            assertThat(page.locator("#console-messages")).containsText("refusé (1 rejet) : rien n'a été enregistré.");
            assertThat(page.locator("#rejets tbody tr:not([data-tableau-aucune])")).hasCount(1);
            assertThat(page.locator("#rejets tbody tr").first()).containsText("9");
            assertThat(page.locator("#rejets tbody tr").first()).containsText("civilite « Mlle » invalide (M. ou Mme).");
            Axe.assertNoViolations(page);
            browser.screenshot("92-import-refuse");
            org.assertj.core.api.Assertions.assertThat(TestSql.count("select count(*) from t_toulouse.personnel where numen = '11E0700006FFG'"))
                    .isZero();
            org.assertj.core.api.Assertions.assertThat(browser.consoleErrors()).as("browser console (CSP, scripts)").isEmpty();
        }
    }

    @Test
    void aRegistrationImportGeneratesMissionsAndShowsThePluginsAnomalies() throws IOException {
        Path file = Files.createTempFile("inscriptions", ".csv");
        file.toFile().deleteOnExit();
        Files.writeString(file, HEADER
                + "470;2001;BCG;BACCALAUREAT GENERAL;C001A;Histoire-géographie 1ère éval;ECRIT;EC;SCOLAIRE;120;0310038Y;0310038Y;;01/02/2001;05/02/2001;N\n"
                + "470;2001;BCG;BACCALAUREAT GENERAL;T099B;Epreuve inconnue pratique;PRATIQUE;ECE;SCOLAIRE;10;0310038Y;0310038Y;0310038Y;25/02/2001;25/02/2001;O\n",
                StandardCharsets.UTF_8);
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "gest.toulouse");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Import des inscriptions et des centres (Cyclades) : génération des missions")).click();
            page.waitForLoadState();
            assertThat(page.locator("h1")).hasText("Import des inscriptions et des centres (Cyclades)");
            Axe.assertNoViolations(page);

            importer(page, file);
            assertThat(page.locator("#import-resultat")).containsText("Fichier importé : 2 lignes lues");
            assertThat(page.locator("#import-resultat")).containsText("2 missions créées, 0 mise à jour");
            assertThat(page.locator("main")).containsText("Ligne 3 : l'épreuve T099B n'est pas une épreuve ECE");
            assertThat(page.locator("table").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("COEC")))
                    .containsText("SSCAN");
            Axe.assertNoViolations(page);
            browser.screenshot("93-import-inscriptions");
            org.assertj.core.api.Assertions.assertThat(TestSql.count("select count(*) from t_toulouse.mission m "
                    + "join t_toulouse.session_examen s on s.id = m.session_id where s.annee = 2001 and m.type_code in ('COEC', 'SSCAN')"))
                    .isEqualTo(2);

            importer(page, file);
            assertThat(page.locator("#import-resultat")).containsText("0 mission créée, 0 mise à jour");
        }
    }

    @Test
    void aRegulationImportCreatesAnExamWithItsSessionAndEpreuvesThenChangesNothing() throws IOException {
        Path file = Files.createTempFile("reglementation", ".csv");
        file.toFile().deleteOnExit();
        // An exam of its own; a subject nobody teaches, so that no SYS compétence of the demo changes.
        Files.writeString(file, "examen;sigle;libelle_examen;famille;session;libelle_session;specialite;libelle_specialite;"
                + "epreuve;libelle_epreuve;nature;matiere_enseignement\n"
                + "9901;BESS;EXAMEN D'ESSAI;AUTRE;2001;9901, BESS, 2001 ,ESSAI 2001;GEN;GENERALE;E1;Écrit d'essai;ECRIT;MATIERE D'ESSAI\n"
                + "9901;BESS;EXAMEN D'ESSAI;AUTRE;2001;9901, BESS, 2001 ,ESSAI 2001;GEN;GENERALE;E2;Oral d'essai;ORAL;\n",
                StandardCharsets.UTF_8);
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "gest.toulouse");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Import de la réglementation des examens (OCEAN / Cyclades) : examens, sessions, épreuves")).click();
            page.waitForLoadState();
            assertThat(page.locator("h1")).hasText("Import de la réglementation des examens (OCEAN / Cyclades)");
            assertThat(page.locator("main")).containsText("libelle_session");
            Axe.assertNoViolations(page);

            importer(page, file);
            assertThat(page.locator("#import-resultat")).containsText("Fichier importé : 2 lignes lues");
            assertThat(page.locator("#import-resultat")).containsText("5 créations, 0 mise à jour");
            assertThat(page.locator("table").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("examens")))
                    .containsText("épreuves-options");
            Axe.assertNoViolations(page);
            org.assertj.core.api.Assertions.assertThat(TestSql.count("select count(*) from t_toulouse.epreuve_option eo "
                    + "join t_toulouse.specialite s on s.id = eo.specialite_id where s.examen_code = '9901'")).isEqualTo(2);

            importer(page, file);
            assertThat(page.locator("#import-resultat")).containsText(
                    "0 création, 0 mise à jour : les données de l'académie étaient déjà celles du fichier");
        }
    }

    @Test
    void aTeachingsImportReplacesThePeoplesTeachingsThenChangesNothing() throws IOException {
        TestSql.inSchema("t_toulouse", (Statement st) -> {
            st.execute("insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste) values "
                    + "('11E0900001BRW', 'Mme', 'ESSAI', 'Une', '1980-01-01', 'LETTRES'), "
                    + "('11E0900002BRW', 'M.', 'ESSAI', 'Deux', '1981-01-01', 'LETTRES') on conflict do nothing");
            st.execute("insert into enseignement (personnel_id, uai, matiere, modalite, mef, type_mef, structure) "
                    + "select id, '0310038Y', 'ANCIENNE MATIERE D''ESSAI', 'CO', '1', 'MEF', 'S' from personnel where numen = '11E0900002BRW'");
        });
        Path file = Files.createTempFile("enseignements", ".csv");
        file.toFile().deleteOnExit();
        Files.writeString(file, "numen;uai;matiere;modalite;mef;type_mef;structure\n"
                + "11E0900001BRW;0310038Y;MATIERE D'ESSAI NAVIGATEUR;CO;20312012110;TERMINALE GENERALE;TG1\n"
                + "11E0900001BRW;0310038Y;MATIERE D'ESSAI NAVIGATEUR;TD;20212012110;1ERE GENERALE;1G2\n"
                + "11E0900002BRW;0310038Y;MATIERE D'ESSAI NAVIGATEUR;CO;20312012110;TERMINALE GENERALE;TG3\n",
                StandardCharsets.UTF_8);
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "gest.toulouse");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Import des enseignements des personnels (STS-WEB) : compétences SYS")).click();
            page.waitForLoadState();
            assertThat(page.locator("h1")).hasText("Import des enseignements des personnels (STS-WEB)");
            assertThat(page.locator("main")).containsText("numen;uai;matiere;modalite;mef;type_mef;structure");
            Axe.assertNoViolations(page);

            importer(page, file);
            assertThat(page.locator("#import-resultat")).containsText("Fichier importé : 3 lignes lues");
            assertThat(page.locator("#import-resultat")).containsText("3 enseignements créés, 1 supprimé");
            assertThat(page.locator("#import-resultat")).containsText("Enseignements modifiés pour 2 personnels.");
            assertThat(page.locator("#console-messages")).containsText("importé : 3 enseignements créés, 1 supprimé.");
            assertThat(page.locator("table").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Suppressions")))
                    .containsText("enseignements");
            Axe.assertNoViolations(page);
            browser.screenshot("94-import-enseignements");
            org.assertj.core.api.Assertions.assertThat(TestSql.count("select count(*) from t_toulouse.enseignement e "
                    + "join t_toulouse.personnel p on p.id = e.personnel_id where p.numen like '11E09000%BRW'")).isEqualTo(3);

            importer(page, file);
            assertThat(page.locator("#import-resultat")).containsText(
                    "0 enseignement créé, 0 supprimé : les données de l'académie étaient déjà celles du fichier");
        }
    }
}
