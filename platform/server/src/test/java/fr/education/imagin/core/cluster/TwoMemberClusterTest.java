package fr.education.imagin.core.cluster;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.ClusterMembers;
import fr.education.imagin.testkit.ClusterMembers.Member;
import fr.education.imagin.testkit.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two members in separate JVMs on loopback, as in production: they form one cluster, a session
 * written through member A is read through member B, and B keeps serving it once A is killed.
 * The one-connection-per-establishment rule holds across members, and an académie the national
 * admin creates through member A is served by member B as soon as A answers.
 */
class TwoMemberClusterTest {

    private ClusterMembers members;

    @AfterEach
    void stopMembers() {
        members.close();
    }

    @Test
    void aSessionSurvivesTheMemberThatWroteIt() throws Exception {
        members = new ClusterMembers(TestPostgres.newDatabase(), "two-members", 2);
        Member a = members.start(0, "a");
        Member b = members.start(1, "b");
        ClusterMembers.awaitMembers(a, 2);
        ClusterMembers.awaitMembers(b, 2);
        String baseA = a.baseUrl();
        String baseB = b.baseUrl();

        Browser browser = new Browser();
        HttpResponse<String> login = browser.login(baseA, "toulouse", "ce.0310038y", "imagin-demo");
        assertThat(login.statusCode()).as("login through member A").isEqualTo(302);

        HttpResponse<String> throughB = browser.get(baseB + "/toulouse/");
        assertThat(throughB.statusCode()).as("session read through member B").isEqualTo(200);
        assertThat(throughB.body()).contains("Connecté en tant que", "0310038Y");

        // SH-10 cluster-wide: a second sign-in for the UAI through B ends the session A wrote...
        Browser second = new Browser();
        assertThat(second.login(baseB, "toulouse", "ce.0310038y", "imagin-demo").statusCode())
                .as("second connection for the same UAI, through member B").isEqualTo(302);
        assertThat(browser.get(baseA + "/toulouse/").statusCode()).as("the first session, ended, through member A").isEqualTo(401);
        // ...and signing in again through A ends B's, so the session checked after A's death below is A's.
        assertThat(browser.login(baseA, "toulouse", "ce.0310038y", "imagin-demo").statusCode()).isEqualTo(302);
        assertThat(second.get(baseB + "/toulouse/").statusCode()).as("the second session, ended, through member B").isEqualTo(401);

        anAcademyCreatedThroughAIsServedByBAtOnce(baseA, baseB);

        a.process().destroyForcibly().waitFor();
        HttpResponse<String> afterKill = browser.get(baseB + "/toulouse/");
        assertThat(afterKill.statusCode()).as("member B after member A was killed").isEqualTo(200);
        assertThat(afterKill.body()).contains("Connecté en tant que", "0310038Y");
        ClusterMembers.awaitMembers(b, 1);
    }

    /** The national admin console on A; B serves the new académie, then its disabling, without delay. */
    private static void anAcademyCreatedThroughAIsServedByBAtOnce(String baseA, String baseB) {
        assertThat(new Browser().get(baseB + "/grenoble/connexion").statusCode()).as("before creation, on B").isEqualTo(404);
        Browser admin = new Browser();
        HttpResponse<String> signedIn = admin.submit(baseA + "/admin/connexion", baseA + "/admin/connexion",
                Map.of("login", "admin", "password", "imagin-demo"));
        assertThat(signedIn.statusCode()).as("admin login through member A").isEqualTo(302);
        HttpResponse<String> created = admin.submit(baseA + "/admin/academies/nouvelle", baseA + "/admin/academies", Map.of(
                "code", "grenoble", "nom", "ACADEMIE DE GRENOBLE", "contact", "dec@ac-grenoble.fr", "accueil", "",
                "gestionnaire", "gest.grenoble", "motDePasse", "mot-de-passe-initial"));
        assertThat(created.statusCode()).as("creation through member A: " + created.body()).isEqualTo(302);
        assertThat(new Browser().get(baseB + "/grenoble/connexion").statusCode()).as("new académie on B at once").isEqualTo(200);
        assertThat(new Browser().get(baseB + "/").body()).contains("ACADEMIE DE GRENOBLE");

        HttpResponse<String> disabled = admin.submit(baseA + "/admin/", baseA + "/admin/academies/grenoble/desactiver", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(new Browser().get(baseB + "/grenoble/connexion").statusCode()).as("disabled académie on B at once")
                .isEqualTo(404);
    }
}
