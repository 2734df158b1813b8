package fr.education.imagin.academies.administration;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SH-9 for the académie's own office: the gestionnaire of Rennes rewrites the welcome message of
 * the académie's home page (escaped, audited, served at once), a message too long is refused with
 * nothing changed, and nobody else may. Rennes's message is put back afterwards.
 */
class AcademyOfficeRoutesTest {

    private static final String PAGE = "/rennes/administration/accueil";
    private static String base;
    private static String original;

    @BeforeAll
    static void remember() {
        base = SharedPlatform.baseUrl();
        String[] message = new String[1];
        TestSql.inSchema("platform", st -> message[0] = TestSql.text(st, "select message_accueil from tenant where code = 'rennes'"));
        original = message[0];
    }

    @AfterAll
    static void putBack() {
        Browser office = signedIn("gest.rennes");
        office.submit(base + PAGE, base + PAGE, Map.of("accueil", original));
    }

    @Test
    void theGestionnaireRewritesTheWelcomeMessageOfTheHomePage() {
        Browser office = signedIn("gest.rennes");
        HttpResponse<String> saved = office.submit(base + PAGE, base + PAGE,
                Map.of("accueil", "Campagne 2026 : convocations à partir du 2 juin.\nContact <dec>"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(office.get(base + PAGE).body()).contains("Le message d&#39;accueil de l&#39;académie est enregistré");
        assertThat(TestSql.count("select count(*) from platform.audit where tenant_code = 'rennes' and actor = 'gest.rennes'"
                + " and action = 'MESSAGE_ACCUEIL_MODIFIE' and detail like 'Campagne 2026%'")).isEqualTo(1);
        String gestionnaireHome = office.get(base + "/rennes/").body();
        assertThat(gestionnaireHome).contains("Campagne 2026 : convocations à partir du 2 juin.", "Contact &lt;dec&gt;")
                .doesNotContain("<dec>");
    }

    @Test
    void aMessageTooLongIsRefusedAndChangesNothing() {
        Browser office = signedIn("gest.rennes");
        HttpResponse<String> refused = office.submit(base + PAGE, base + PAGE, Map.of("accueil", "x".repeat(4001)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("ne doit pas dépasser 4000 caractères", "aria-describedby=\"accueil-erreur\"");
        assertThat(office.get(base + "/rennes/").body()).doesNotContain("xxxxxxxxxx");
        assertThat(TestSql.count("select count(*) from platform.tenant where code = 'rennes' and message_accueil like 'xxxx%'"))
                .isZero();
    }

    @Test
    void onlyTheAcademysOfficeMay() {
        Browser toulouse = signedIn("gest.toulouse", "toulouse");
        assertThat(toulouse.get(base + PAGE).statusCode()).isEqualTo(403);
        assertThat(toulouse.submit(base + "/toulouse/", base + PAGE, Map.of("accueil", "pirate")).statusCode()).isEqualTo(403);
        Browser anonymous = new Browser();
        assertThat(anonymous.get(base + PAGE).statusCode()).isEqualTo(302);
    }

    private static Browser signedIn(String login) {
        return signedIn(login, "rennes");
    }

    private static Browser signedIn(String login, String tenant) {
        Browser browser = new Browser();
        assertThat(browser.login(base, tenant, login, "imagin-demo").statusCode()).isEqualTo(302);
        return browser;
    }
}
