package fr.education.imagin.core.menu;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every activity of the guide has its screens in this version (the ICC was the last one): the
 * menu links each of them and marks none "pas encore disponible"; an activity the office closes
 * shows closed, without a link, and its address answers a French refusal at once, without a
 * redirect loop (it used to redirect to "x//", "x///"...).
 */
class UnbuiltActivitiesTest {

    private static String base;
    private static Browser browser;

    @BeforeAll
    static void signIn() {
        base = SharedPlatform.baseUrl();
        browser = new Browser();
        browser.login(base, "toulouse", "ce.0310038y", "imagin-demo");
    }

    @AfterAll
    static void signOut() {
        browser.quit(base, "toulouse");
    }

    @Test
    void theMenuLinksEveryActivityAsAllAreBuilt() {
        String home = browser.get(base + "/toulouse/").body();
        for (Activity activity : Activity.values()) {
            assertThat(home).as(activity.code()).contains("href=\"/toulouse/" + activity.code() + "/\"")
                    .contains("data-activite=\"" + activity.code() + "\" data-etat=\"ouverte\"");
        }
        assertThat(home).doesNotContain("data-etat=\"indisponible\"", "(pas encore disponible)");
    }

    @Test
    void anActivityTheOfficeClosedIsRefusedWithoutARedirectLoop() {
        TestSql.execute("update t_toulouse.activite set ouverte = false where code = 'indemnites'");
        try {
            String home = browser.get(base + "/toulouse/").body();
            assertThat(home).contains("data-activite=\"indemnites\" data-etat=\"fermee\"")
                    .doesNotContain("href=\"/toulouse/indemnites/\"");
            HttpResponse<String> page = browser.get(base + "/toulouse/indemnites/");
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.body()).contains("n&#39;est pas ouverte par le service gestionnaire");
            HttpResponse<String> bare = browser.get(base + "/toulouse/indemnites");
            assertThat(bare.statusCode()).isIn(302, 403);
            if (bare.statusCode() == 302) {
                assertThat(bare.headers().firstValue("location")).hasValue("/toulouse/indemnites/");
            }
        } finally {
            TestSql.execute("update t_toulouse.activite set ouverte = true where code = 'indemnites'");
        }
    }
}
