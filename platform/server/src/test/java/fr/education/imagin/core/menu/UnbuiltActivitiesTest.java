package fr.education.imagin.core.menu;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An activity with no screen in this version shows in the menu as unavailable, never as a link,
 * and its address answers a French page at once (it used to redirect to "x//", "x///"...).
 */
class UnbuiltActivitiesTest {

    private static String base;
    private static Browser browser;

    @BeforeAll
    static void signIn() {
        // The ICC activity, the last without screens, is closed in the demo: opened here so that
        // the menu shows it as not built rather than closed.
        fr.education.imagin.testkit.TestSql.execute("update t_toulouse.activite set ouverte = true where code = 'indemnites'");
        base = SharedPlatform.baseUrl();
        browser = new Browser();
        browser.login(base, "toulouse", "ce.0310038y", "imagin-demo");
    }

    @AfterAll
    static void signOut() {
        browser.quit(base, "toulouse");
        fr.education.imagin.testkit.TestSql.execute("update t_toulouse.activite set ouverte = false where code = 'indemnites'");
    }

    @Test
    void theMenuShowsUnbuiltActivitiesAsUnavailableAndLinksTheOthers() {
        String home = browser.get(base + "/toulouse/").body();
        assertThat(home).contains("data-activite=\"indemnites\" data-etat=\"indisponible\"",
                        "Indemnités des chefs de centre <span class=\"imagin-menu__mention\">(pas encore disponible)</span>")
                .doesNotContain("href=\"/toulouse/indemnites/\"")
                .contains("href=\"/toulouse/convocations/\"", "href=\"/toulouse/missions/\"", "href=\"/toulouse/service-fait/\"");
    }

    @Test
    void anUnbuiltActivitysAddressAnswersWithoutARedirectLoop() {
        HttpResponse<String> page = browser.get(base + "/toulouse/indemnites/");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("n&#39;est pas encore disponible dans cette version d&#39;IMAG&#39;IN");
        HttpResponse<String> bare = browser.get(base + "/toulouse/indemnites");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("location")).hasValue("/toulouse/indemnites/");
    }
}
