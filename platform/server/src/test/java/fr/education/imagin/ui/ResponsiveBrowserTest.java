package fr.education.imagin.ui;

import com.microsoft.playwright.Page;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, points 1 and 2, from a phone (320 px) to a desktop (1280 px): the header keeps the
 * whole "RÉPUBLIQUE FRANÇAISE" block beside the longest académie and establishment names, and a
 * wide table scrolls inside its block with a visible hint instead of widening the page.
 * Screenshots of the main screens at both widths land in target/screenshots.
 */
class ResponsiveBrowserTest {

    private static final String CENTRE = "ce.0310038y";
    /** Where the Marianne block is, whether the DSFR's clipping brand box holds all of it, and its text. */
    private static final String LOGO = """
            () => {
              const logo = document.querySelector('.fr-header .fr-logo');
              const box = logo.closest('.fr-header__brand-top').getBoundingClientRect();
              const r = logo.getBoundingClientRect();
              return {inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5,
                      unclipped: logo.scrollWidth <= logo.clientWidth, text: logo.innerText};
            }""";
    /** The page's own width against the window's, and every visible table's scrolling box. */
    private static final String TABLES = """
            () => {
              const main = document.querySelector('main').getBoundingClientRect();
              const tables = [...document.querySelectorAll('.fr-table')]
                  // DSFR tabs move their other panels aside rather than hide them.
                  .filter(t => t.offsetParent !== null && !t.closest('.fr-tabs__panel:not(.fr-tabs__panel--selected)')).map(t => {
                const boxes = t.querySelectorAll('.fr-table__container, .imagin-liste__defilement');
                const box = boxes[boxes.length - 1];
                const hint = t.querySelector('.imagin-defilement__indice');
                let chain = '', e = box;
                for (; e && e.tagName !== 'MAIN'; e = e.parentElement) {
                  const r = e.getBoundingClientRect();
                  chain += e.tagName + '.' + e.className + ' [' + Math.round(r.left) + ',' + Math.round(r.right) + '] ';
                }
                return {right: box.getBoundingClientRect().right, mainRight: main.right, chain: chain,
                        scrolls: box.scrollWidth > box.clientWidth + 1,
                        hint: hint !== null && hint.offsetParent !== null};
              });
              // What sticks out, for the failure message: the outermost elements past the window's edge.
              const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                  && !e.parentElement.closest('.fr-table__container, .imagin-liste__defilement, dialog'))
                  .slice(0, 6).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right));
              return {page: document.documentElement.scrollWidth, window: window.innerWidth, tables: tables, out: out.join(' | ')};
            }""";

    private BrowserSession browser;
    private Page page;

    @BeforeEach
    void open() {
        browser = BrowserSession.open(SharedPlatform.baseUrl());
        page = browser.login("toulouse", CENTRE);
    }

    @AfterEach
    void close() {
        // Below the DSFR's desktop width "Quitter" sits in the closed header menu: the logout
        // that frees the establishment's single session (SH-10) needs it in view.
        page.setViewportSize(1366, 900);
        browser.closeExpectingCleanConsole();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {320, 1280})
    void theHeaderKeepsTheWholeRepubliqueFrancaiseBlockBesideLongNames(int width) {
        page.setViewportSize(width, 900);
        // The longest names of the demo: the SIEC visited by a Toulouse lycée.
        for (String home : List.of("/siec/", "/toulouse/")) {
            browser.go(home);
            Map<?, ?> logo = (Map<?, ?>) page.evaluate(LOGO);
            assertThat(logo.get("text")).as("Marianne block at %d px on %s", width, home)
                    .isEqualTo("RÉPUBLIQUE\nFRANÇAISE");
            assertThat(logo.get("inside")).as("logo inside the brand box at %d px on %s", width, home).isEqualTo(true);
            assertThat(logo.get("unclipped")).as("logo text unclipped at %d px on %s", width, home).isEqualTo(true);
            assertPageDoesNotScrollSideways(width);
            Axe.assertNoViolations(page);
            browser.screenshot("11-accueil-" + home.replace("/", "") + "-" + width);
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {320, 1280})
    void wideTablesScrollInsideTheirBlockWithAHintNotThePage(int width) throws SQLException {
        page.setViewportSize(width, 900);
        browser.go("/toulouse/personnels/" + convenedPerson());
        List<Map<?, ?>> tables = assertTablesFit(width);
        assertThat(tables).as("the affectations table").isNotEmpty();
        if (width == 320) {
            assertThat(tables.get(0).get("scrolls")).as("eight columns cannot fit 320 px").isEqualTo(true);
        }
        Axe.assertNoViolations(page);
        browser.screenshot("11-personnel-detail-" + width);

        for (String list : List.of("/toulouse/personnels/", "/toulouse/missions/")) {
            browser.go(list);
            assertTablesFit(width);
            browser.screenshot("11-" + list.replace("/toulouse/", "").replace("/", "") + "-liste-" + width);
        }
        browser.go("/toulouse/plan-du-site");
        assertPageDoesNotScrollSideways(width);
        browser.screenshot("11-plan-du-site-" + width);
    }

    /** The page does not scroll sideways; each table stays in the main block, and one that scrolls says so. */
    private List<Map<?, ?>> assertTablesFit(int width) {
        Map<?, ?> state = (Map<?, ?>) page.evaluate(TABLES);
        assertThat(((Number) state.get("page")).intValue()).as("page width at %d px on %s: %s", width, page.url(), state.get("out"))
                .isLessThanOrEqualTo(((Number) state.get("window")).intValue());
        @SuppressWarnings("unchecked")
        List<Map<?, ?>> tables = (List<Map<?, ?>>) state.get("tables");
        for (Map<?, ?> t : tables) {
            assertThat(((Number) t.get("right")).doubleValue()).as("table inside main at %d px: %s", width, t.get("chain"))
                    .isLessThanOrEqualTo(((Number) t.get("mainRight")).doubleValue() + 1);
            assertThat(t.get("hint")).as("scroll hint shown exactly when the table scrolls at %d px", width)
                    .isEqualTo(t.get("scrolls"));
        }
        return tables;
    }

    private void assertPageDoesNotScrollSideways(int width) {
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
        assertThat(fits).as("page width at %d px on %s", width, page.url()).isEqualTo(true);
    }

    /** The centre's person with the most convened affectations: the widest detail tables. */
    private static long convenedPerson() throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("""
                     select l.personnel_id from t_toulouse.lieu_exercice l
                     join t_toulouse.affectation a on a.personnel_id = l.personnel_id and a.statut = 'CONVOQUEE'
                     where l.uai = '0310038Y' group by l.personnel_id order by count(*) desc, l.personnel_id limit 1""")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
