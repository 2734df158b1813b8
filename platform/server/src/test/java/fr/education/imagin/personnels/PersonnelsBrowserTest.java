package fr.education.imagin.personnels;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Locale;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** "Consultation des personnels" in real Chromium: the list mechanism as a user meets it. */
class PersonnelsBrowserTest {

    private static final String UAI = "0310038Y";
    /** Letters in French order, accents and case aside (what the lists' ICU collation does first). */
    private static final Comparator<String> FRENCH = Comparator.comparing(
            (String s) -> Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.FRENCH));

    private BrowserSession browser;
    private Page page;

    @BeforeEach
    void open() {
        browser = BrowserSession.open(SharedPlatform.baseUrl());
        page = browser.login("toulouse", "ce.0310038y");
        browser.go("/toulouse/personnels/");
    }

    @AfterEach
    void close() {
        browser.closeExpectingCleanConsole();
    }

    @Test
    void listShowsTheEstablishmentsStaffWithTheirCountSortedByName() throws SQLException {
        long staff = count("select count(*) from t_toulouse.lieu_exercice where uai = '" + UAI + "'");
        assertThat(page.locator("h1")).hasText("Consultation des personnels");
        assertThat(page.locator(".imagin-liste__titre")).hasText("Liste des personnels (" + staff + " lignes)");
        assertThat(page.locator("thead th")).containsText(new String[]{"Nom", "Prénom", "Discipline de poste", "Dernière convoc."});
        assertThat(page.locator("th").first()).hasAttribute("aria-sort", "ascending");
        List<String> names = column(0);
        assertThat(names).isSortedAccordingTo(FRENCH);
        Axe.assertNoViolations(page);
        browser.screenshot("10-personnels-liste");
    }

    @Test
    void clickingAHeaderSortsAndClickingAgainReversesWithoutReloadingThePage() {
        page.evaluate("window.__sansRechargement = true");
        Locator firstName = page.locator("th a[data-tri=prenom]");
        firstName.click();
        assertThat(page.locator("th").nth(1)).hasAttribute("aria-sort", "ascending");
        assertThat(page.locator("th").first()).hasAttribute("aria-sort", "none");
        assertThat(page.locator("th").nth(1).locator(".imagin-tri__sens--ascending")).hasCount(1);
        assertThat(column(1)).isSortedAccordingTo(FRENCH);

        page.locator("th a[data-tri=prenom]").click();
        assertThat(page.locator("th").nth(1)).hasAttribute("aria-sort", "descending");
        assertThat(column(1)).isSortedAccordingTo(FRENCH.reversed());
        assertThat(page.locator("th a[data-tri=prenom]")).isFocused();
        assertThat(page).hasURL(Pattern.compile("tri=prenom&sens=desc"));
        assertThat(page.evaluate("window.__sansRechargement === true")).isEqualTo(true);
        browser.screenshot("11-personnels-tri-prenom-decroissant");
    }

    @Test
    void theKeywordFilterNarrowsTheListWhileTypingAndTheRowOpensTheDetailWithRetour() throws SQLException {
        String nom = firstStaffName();
        page.getByLabel("Filtrer par mot-clé").pressSequentially(nom.toLowerCase(), new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator(".imagin-liste__titre")).hasText(Pattern.compile("Liste des personnels \\(\\d+ lignes?\\)"));
        assertThat(page.locator("tbody tr").first()).containsText(nom);
        for (String shown : column(0)) {
            assertThat(shown).isEqualTo(nom);
        }
        String query = "q=" + URLEncoder.encode(nom.toLowerCase(), StandardCharsets.UTF_8);
        page.waitForURL(url -> url.contains(query));
        assertThat(page.locator("#liste-personnels-statut")).containsText("Liste des personnels");
        browser.screenshot("12-personnels-filtre-mot-cle");

        page.locator("tbody tr").first().locator("td").nth(2).click();
        page.waitForURL(Pattern.compile(".*/toulouse/personnels/\\d+\\?retour=.*"));
        assertThat(page.locator("h1")).containsText(nom);
        assertThat(page.locator("caption").first()).hasText("Lieux d'exercice");
        assertThat(page.locator("tbody").first()).containsText(UAI);
        assertThat(page.getByRole(AriaRole.TAB)).hasText(new String[]{"Affectations convoquées", "Indisponibilités", "Enseignements"});
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Enseignements")).click();
        assertThat(page.locator("#panneau-enseignements caption")).containsText("Liste des enseignements");
        assertThat(page.locator("#panneau-enseignements")).isVisible();
        Axe.assertNoViolations(page);
        browser.screenshot("13-personnel-detail");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Retour")).click();
        assertThat(page.getByLabel("Filtrer par mot-clé")).hasValue(nom.toLowerCase());
        for (String shown : column(0)) {
            assertThat(shown).isEqualTo(nom);
        }
    }

    @Test
    void aWronglyTypedPeriodIsRefusedInTheConsoleAndAValidOneFiltersWithEffacerFiltre() throws SQLException {
        page.locator("#liste-personnels-du").fill("31/02/2025");
        page.locator("#liste-personnels-au").fill("15/06/2025");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(page.locator("#console-messages li").first())
                .containsText("Erreur : La date de début de période « 31/02/2025 » n'existe pas.");

        page.getByLabel("de convocation").check(new Locator.CheckOptions().setForce(true));
        page.locator("#liste-personnels-du").fill("1/1/2000");
        page.locator("#liste-personnels-au").fill("01-01-2100");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
        long convened = count("""
                select count(distinct le.personnel_id) from t_toulouse.lieu_exercice le
                join t_toulouse.affectation a on a.personnel_id = le.personnel_id
                where le.uai = '%s' and a.statut in ('CONVOQUEE', 'CONVOQUEE_PAR_CENTRE')""".formatted(UAI));
        assertThat(page.locator(".imagin-liste__titre")).containsText("(" + convened + " ligne");
        assertThat(page.locator("#liste-personnels-du")).hasValue("1/1/2000");
        Axe.assertNoViolations(page);
        browser.screenshot("14-personnels-filtre-periode");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Effacer filtre")).click();
        long staff = count("select count(*) from t_toulouse.lieu_exercice where uai = '" + UAI + "'");
        assertThat(page.locator(".imagin-liste__titre")).hasText("Liste des personnels (" + staff + " lignes)");
    }

    @Test
    void theDetailTabsFilterTheirRowsByKeywordAndCountThem() throws SQLException {
        // Per tab, the establishment's person with the most rows in it (the guide's 3.1.3 tabs).
        String[][] tabs = {
            {"Affectations convoquées", "panneau-affectations", "table-affectations", "Liste des affectations convoquées",
                "(select count(*) from t_toulouse.affectation a where a.personnel_id = p.id and a.statut <> 'AFFECTEE')"},
            {"Indisponibilités", "panneau-indisponibilites", "table-indisponibilites", "Liste des indisponibilités",
                "(select count(*) from t_toulouse.indisponibilite i where i.personnel_id = p.id)"},
            {"Enseignements", "panneau-enseignements", "table-enseignements", "Liste des enseignements",
                "(select count(*) from t_toulouse.enseignement n where n.personnel_id = p.id)"},
        };
        for (String[] tab : tabs) {
            long[] person = mostRows(tab[4]);
            assertThat(person[1]).as("demo data has a person of %s with several rows in %s", UAI, tab[0]).isGreaterThan(1);
            browser.go("/toulouse/personnels/" + person[0]);
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(tab[0])).click();
            Locator panel = page.locator("#" + tab[1]);
            Locator title = page.locator("#" + tab[2] + "-titre");
            Locator rows = page.locator("#" + tab[2] + " tbody tr:not([data-tableau-aucune])");
            Locator noMatch = page.locator("#" + tab[2] + " [data-tableau-aucune]");
            String all = tab[3] + " (" + person[1] + " lignes)";
            assertThat(panel).isVisible();
            assertThat(title).hasText(all);
            assertThat(rows).hasCount((int) person[1]);
            assertThat(rows.first()).isVisible();

            // A word of the first row that some other row lacks: only the rows holding it stay.
            List<String> texts = new ArrayList<>();
            for (Locator row : rows.all()) {
                texts.add(row.innerText());
            }
            String word = narrowingWord(texts);
            long matching = texts.stream().filter(t -> fold(t).contains(fold(word))).count();
            Locator keyword = panel.getByLabel("Filtrer par mot-clé");
            assertThat(keyword).isVisible();
            keyword.pressSequentially(word.toLowerCase(), new Locator.PressSequentiallyOptions().setDelay(20));
            String narrowed = tab[3] + " (" + matching + (matching > 1 ? " lignes)" : " ligne)");
            assertThat(title).hasText(narrowed);
            assertThat(panel.locator("caption")).hasText(narrowed);
            assertThat(rows.filter(new Locator.FilterOptions().setVisible(true))).hasCount((int) matching);
            for (Locator row : rows.filter(new Locator.FilterOptions().setVisible(true)).all()) {
                assertThat(fold(row.innerText())).contains(fold(word));
            }
            assertThat(page.locator("#" + tab[2] + "-statut")).hasText(narrowed);
            assertThat(noMatch).isHidden();
            Axe.assertNoViolations(page);

            // Nothing matches: the count says so and so does a row.
            keyword.fill(word + " zzzaucunezzz");
            assertThat(title).hasText(tab[3] + " (0 ligne)");
            assertThat(rows.filter(new Locator.FilterOptions().setVisible(true))).hasCount(0);
            assertThat(noMatch).isVisible();
            assertThat(noMatch).hasText("Aucune ligne ne correspond à la recherche.");
            assertThat(page.locator("#" + tab[2] + "-statut")).containsText("Aucune ligne ne correspond à la recherche.");
            Axe.assertNoViolations(page);
            browser.screenshot("15-personnel-detail-filtre-" + tab[2]);

            // Cleared: every row is back.
            keyword.fill("");
            assertThat(title).hasText(all);
            assertThat(rows.filter(new Locator.FilterOptions().setVisible(true))).hasCount((int) person[1]);
            assertThat(noMatch).isHidden();
        }
    }

    /** A word (3 letters or more) of the first row missing from at least one other row. */
    private static String narrowingWord(List<String> rows) {
        for (String word : rows.get(0).split("[\\s,;:()/]+")) {
            if (word.length() >= 3 && rows.stream().anyMatch(r -> !fold(r).contains(fold(word)))) {
                return word;
            }
        }
        throw new AssertionError("no word of the first row narrows the rows: " + rows);
    }

    /** Lower case without accents, as tableau.js compares. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae");
    }

    /** The establishment's person with the most rows counted by {@code countSql} (over p), and that count. */
    private static long[] mostRows(String countSql) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rows = st.executeQuery("select p.id, " + countSql + " as n from t_toulouse.personnel p "
                     + "join t_toulouse.lieu_exercice le on le.personnel_id = p.id where le.uai = '" + UAI + "' "
                     + "order by n desc, p.id limit 1")) {
            rows.next();
            return new long[]{rows.getLong(1), rows.getLong(2)};
        }
    }

    private List<String> column(int index) {
        List<String> values = new ArrayList<>();
        for (Locator row : page.locator("tbody tr").all()) {
            values.add(row.locator("td").nth(index).innerText().strip());
        }
        return values;
    }

    private static String firstStaffName() throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rows = st.executeQuery("select p.nom from t_toulouse.personnel p join t_toulouse.lieu_exercice le "
                     + "on le.personnel_id = p.id where le.uai = '" + UAI + "' order by p.id limit 1")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement(); ResultSet rows = st.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
