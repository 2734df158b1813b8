package fr.education.imagin.missions;

import com.microsoft.playwright.Page;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static fr.education.imagin.testkit.TestSql.count;
import static fr.education.imagin.testkit.TestSql.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Créer une mission": numbered after the académie's largest number, at an exam centre, on an
 * épreuve of the session's exam or none; every wrong field refused with nothing written.
 */
class MissionCreationTest {

    private static final String PATH = "/toulouse/administration/missions/nouvelle";
    private static final int YEAR = LocalDate.now().getYear();
    private static long session;

    @BeforeAll
    static void arrange() {
        SharedPlatform.get();
        TestSql.inSchema("t_toulouse", st -> {
            st.execute("insert into etablissement (uai, nom, categorie, commune, centre_examen) values"
                    + " ('0319996A', 'LYCEE CREATION CENTRE', 'LGT', 'TOULOUSE', true), ('0319997B', 'COLLEGE CREATION', 'COLLEGE', 'TOULOUSE', false)");
            st.execute("insert into examen (code, sigle, libelle, famille) values ('T86', 'TCR', 'EXAMEN CREATION', 'AUTRE')");
            session = single(st, "insert into session_examen (examen_code, annee, libelle) values ('T86', " + YEAR
                    + ", 'T86, TCR, " + YEAR + "') returning id");
            long specialite = single(st, "insert into specialite (examen_code, code, libelle) values ('T86', 'S1', 'SPE') returning id");
            st.execute("insert into epreuve_option (specialite_id, code, libelle) values (" + specialite + ", 'E-MC', 'EPREUVE CREATION')");
        });
    }

    private static Map<String, String> form(String epreuve, String centre, String debut) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "ORAL");
        form.put("session", String.valueOf(session));
        form.put("epreuve", epreuve);
        form.put("centre", centre);
        form.put("debut", debut);
        form.put("fin", "12/06/" + YEAR);
        form.put("candidats", "40");
        form.put("requis", "3");
        return form;
    }

    @Test
    void theOfficeCreatesAMissionNumberedAfterTheOthers() {
        String base = SharedPlatform.baseUrl();
        Browser office = new Browser();
        assertThat(office.login(base, "toulouse", "gest.toulouse", "imagin-demo").statusCode()).isEqualTo(302);
        assertThat(office.get(base + PATH).body()).contains("T86, TCR, " + YEAR);
        long missions = count("select count(*) from t_toulouse.mission");

        HttpResponse<String> refused = office.submit(base + PATH, base + PATH, form("E-AUTRE", "0319996A", "10/06/" + YEAR));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("n&#39;est pas une épreuve de l&#39;examen de cette session").contains("value=\"E-AUTRE\"");
        assertThat(office.submit(base + PATH, base + PATH, form("E-MC", "0319997B", "10/06/" + YEAR)).body())
                .contains("n&#39;est pas un centre d&#39;examen de l&#39;académie");
        assertThat(office.submit(base + PATH, base + PATH, form("E-MC", "0319996A", "31/02/" + YEAR)).statusCode()).isEqualTo(400);
        assertThat(office.submit(base + PATH, base + PATH, form("E-MC", "0319996A", "13/06/" + YEAR)).body())
                .contains("La date de fin précède la date de début.");
        assertThat(count("select count(*) from t_toulouse.mission")).isEqualTo(missions);

        long next = count("select coalesce(max(numero::bigint), 100000) + 1 from t_toulouse.mission where numero ~ '^[0-9]{1,18}$'");
        HttpResponse<String> created = office.submit(base + PATH, base + PATH, form("E-MC", "0319996a", "10/06/" + YEAR));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = count("select id from t_toulouse.mission where numero = '" + next + "'");
        assertThat(created.headers().firstValue("location").orElse("")).endsWith("/administration/missions/" + id);
        assertThat(count("select count(*) from t_toulouse.mission m join t_toulouse.epreuve_option eo on eo.id = m.epreuve_option_id"
                + " where m.id = " + id + " and eo.code = 'E-MC' and m.centre_uai = '0319996A' and m.type_code = 'ORAL'"
                + " and m.candidats_attendus = 40 and m.intervenants_requis = 3 and m.session_id = " + session)).isEqualTo(1);
        assertThat(office.get(base + "/toulouse/administration/missions/" + id).body())
                .contains("Mission n° " + next).contains("La mission " + next + " est créée.");
        assertThat(count("select count(*) from platform.audit where action = 'MISSION_CREEE' and detail like 'mission=" + next + " %'"))
                .isEqualTo(1);

        Browser chef = new Browser();
        assertThat(chef.login(base, "toulouse", "ce.0310038y", "imagin-demo").statusCode()).isEqualTo(302);
        assertThat(chef.get(base + PATH).statusCode()).isEqualTo(403);
        assertThat(chef.submit(base + "/toulouse/", base + PATH, form("E-MC", "0319996A", "10/06/" + YEAR)).statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from t_toulouse.mission")).isEqualTo(missions + 1);
    }

    @Test
    void theFormPassesAxe() {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "gest.toulouse");
            browser.go(PATH);
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Créer une mission");
            Axe.assertNoViolations(page);
            browser.closeExpectingCleanConsole();
        }
    }
}
