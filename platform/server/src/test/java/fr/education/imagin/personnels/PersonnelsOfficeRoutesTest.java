package fr.education.imagin.personnels;

import com.microsoft.playwright.Page;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static fr.education.imagin.testkit.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Créer un intervenant": the office creates a person with the staff file's rules, refused with
 * every reason and nothing written when a field is wrong or the NUMEN taken; chefs are refused.
 */
class PersonnelsOfficeRoutesTest {

    private static final String PATH = "/toulouse/administration/personnels/nouveau";

    private static Map<String, String> form(String numen, String naissance, String uai) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("numen", numen);
        form.put("civilite", "Mme");
        form.put("nom", "Intervenante");
        form.put("prenom", "Créée");
        form.put("date_naissance", naissance);
        form.put("discipline_poste", "Biotechnologies");
        form.put("corps", "");
        form.put("mail_pro", "creee.intervenante@ac-toulouse.fr");
        form.put("tel_pro", "");
        form.put("uai", uai);
        return form;
    }

    @Test
    void theOfficeCreatesAPersonWithTheStaffFilesRulesAndNothingHalfDone() {
        String base = SharedPlatform.baseUrl();
        Browser office = new Browser();
        assertThat(office.login(base, "toulouse", "gest.toulouse", "imagin-demo").statusCode()).isEqualTo(302);
        long people = count("select count(*) from t_toulouse.personnel");

        HttpResponse<String> refused = office.submit(base + PATH, base + PATH, form("12X0000001", "31/02/1980", "0310038Y"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("numen « 12X0000001 » invalide").contains("value=\"12X0000001\"");
        assertThat(office.submit(base + PATH, base + PATH, form("12E0799999ZZZ", "01/01/1980", "0319000A")).body())
                .contains("L&#39;établissement 0319000A n&#39;est pas un établissement de l&#39;académie.");
        assertThat(count("select count(*) from t_toulouse.personnel")).isEqualTo(people);

        HttpResponse<String> created = office.submit(base + PATH, base + PATH, form("12E0799999ZZZ", "01/01/1980", "0310038Y"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(office.get(base + PATH).body()).contains("Mme INTERVENANTE Créée est créé(e)");
        assertThat(count("select count(*) from t_toulouse.personnel p join t_toulouse.lieu_exercice l on l.personnel_id = p.id"
                + " where p.numen = '12E0799999ZZZ' and p.nom = 'INTERVENANTE' and l.uai = '0310038Y' and l.principal"
                + " and p.mail_pro = 'creee.intervenante@ac-toulouse.fr'")).isEqualTo(1);
        assertThat(count("select count(*) from platform.audit where action = 'PERSONNEL_CREE' and detail like '%numen=12E0799999ZZZ%'"))
                .isEqualTo(1);

        assertThat(office.submit(base + PATH, base + PATH, form("12E0799999ZZZ", "01/01/1980", "0310038Y")).body())
                .contains("Le NUMEN 12E0799999ZZZ est déjà celui d&#39;un personnel de l&#39;académie.");
        assertThat(count("select count(*) from t_toulouse.personnel")).isEqualTo(people + 1);

        Browser chef = new Browser();
        assertThat(chef.login(base, "toulouse", "ce.0310038y", "imagin-demo").statusCode()).isEqualTo(302);
        assertThat(chef.get(base + PATH).statusCode()).isEqualTo(403);
        assertThat(chef.submit(base + "/toulouse/", base + PATH, form("12E0799998ZZZ", "01/01/1980", "0310038Y")).statusCode())
                .isEqualTo(403);
        assertThat(count("select count(*) from t_toulouse.personnel where numen = '12E0799998ZZZ'")).isZero();
    }

    @Test
    void theFormPassesAxe() {
        try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
            Page page = browser.login("toulouse", "gest.toulouse");
            browser.go(PATH);
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Créer un intervenant");
            Axe.assertNoViolations(page);
            browser.closeExpectingCleanConsole();
        }
    }
}
