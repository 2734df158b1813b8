package fr.education.imagin.avancement;

import fr.education.imagin.core.security.AccountProvisioning;
import fr.education.imagin.core.security.Role;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static fr.education.imagin.testkit.TestSql.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Avancement de l'affectation" on an exam and establishments of its own: two missions at one
 * centre (needs 3 and 2), one at another (need not set), with people designated, convened and
 * constatés, two of them working at a collège. The office's figures per épreuve and centre, its
 * overview per exam and CSV; the centre's view of its own missions; the collège's view of its
 * own staff; and who may see what.
 */
class AvancementTest {

    private static final String PATH = "/toulouse/administration/avancement/";
    private static final String CENTRE_CHEF = "ce.0319982l";
    private static final String COLLEGE_CHEF = "ce.0319984n";
    private static final int YEAR = LocalDate.now().getYear();
    private static String base;

    @BeforeAll
    static void arrange() {
        base = SharedPlatform.baseUrl();
        TestSql.inSchema("t_toulouse", st -> {
            st.execute("insert into etablissement (uai, nom, categorie, commune, centre_examen) values"
                    + " ('0319982L', 'LYCEE AVANCEMENT UN', 'LGT', 'TOULOUSE', true), ('0319983M', 'LYCEE AVANCEMENT DEUX', 'LGT', 'ALBI', true),"
                    + " ('0319984N', 'COLLEGE AVANCEMENT', 'COLLEGE', 'MURET', false)");
            st.execute("insert into examen (code, sigle, libelle, famille) values ('T82', 'TAV', 'EXAMEN AVANCEMENT', 'AUTRE')");
            long session = single(st, "insert into session_examen (examen_code, annee, libelle) values ('T82', " + YEAR
                    + ", 'T82, TAV') returning id");
            long specialite = single(st, "insert into specialite (examen_code, code, libelle) values ('T82', 'S1', 'SPE') returning id");
            long epreuve = single(st, "insert into epreuve_option (specialite_id, code, libelle) values (" + specialite
                    + ", 'E-AV', 'EPREUVE AVANCEMENT') returning id");
            long m1 = mission(st, "AVANC-1", session, epreuve, "0319982L", "3");
            long m2 = mission(st, "AVANC-2", session, epreuve, "0319982L", "2");
            long m3 = mission(st, "AVANC-3", session, epreuve, "0319983M", "null");
            // m1: 3 designated, 2 convened, 1 constaté; m2: 1 convened; m3: 1 designated.
            long a1 = affectation(st, m1, person(st, 1), "CONVOQUEE");
            affectation(st, m1, person(st, 2), "CONVOQUEE_PAR_CENTRE");
            affectation(st, m1, person(st, 3), "AFFECTEE");
            affectation(st, m2, person(st, 4), "CONVOQUEE");
            affectation(st, m3, person(st, 5), "AFFECTEE");
            st.execute("insert into service_fait (affectation_id, fait, saisi_par) values (" + a1 + ", true, 'test')");
            // People 1 (convened on m1, constaté) and 5 (designated on m3) work at the collège.
            st.execute("insert into lieu_exercice (personnel_id, uai, principal) select id, '0319984N', true from personnel"
                    + " where numen in ('AVANC-1', 'AVANC-5')");
        });
        AccountProvisioning accounts = new AccountProvisioning(SharedPlatform.get().database().jdbc());
        accounts.createIfAbsent(CENTRE_CHEF, "imagin-demo", "Chef du lycée avancement", Role.CHEF_ETABLISSEMENT, "toulouse",
                List.of("0319982L"));
        accounts.createIfAbsent(COLLEGE_CHEF, "imagin-demo", "Chef du collège avancement", Role.CHEF_ETABLISSEMENT, "toulouse",
                List.of("0319984N"));
    }

    @Test
    void theFiguresPerEpreuveAndCentreAndTheOverviewPerExam() {
        Browser office = new Browser();
        assertThat(office.login(base, "toulouse", "gest.toulouse", "imagin-demo").statusCode()).isEqualTo(302);
        HttpResponse<String> page = office.get(base + PATH + "?annee=" + YEAR + "&examen=T82");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body().replaceAll("\\s+", " ");
        // Centre one: 2 missions, need 5, 4 designated, 3 convened, 1 constaté, 60 %.
        assertThat(body).containsPattern("0319982L - LYCEE AVANCEMENT UN</td> ?<td[^>]*>2</td> ?<td[^>]*>5</td> ?<td[^>]*>4</td>"
                + " ?<td[^>]*>3</td> ?<td[^>]*>1</td> ?<td[^>]*>60 %</td>");
        assertThat(body).containsPattern("0319983M - LYCEE AVANCEMENT DEUX</td> ?<td[^>]*>1</td> ?<td[^>]*>non fixé</td>"
                + " ?<td[^>]*>1</td> ?<td[^>]*>0</td> ?<td[^>]*>0</td> ?<td[^>]*></td>");
        assertThat(body).contains("T82, TAV - EXAMEN AVANCEMENT", "3 convoqués sur 5 requis (60 %) ; 5 désignés ; 1 constaté ; 3 missions, dont 1 sans besoin fixé",
                "value=\"60\"");

        String csv = new String(office.download(base + PATH + "export.csv?annee=" + YEAR + "&examen=T82").body(), StandardCharsets.UTF_8);
        assertThat(body).contains("<td>" + YEAR + "</td>");
        assertThat(csv).contains("Convoqués / requis").contains("0319982L - LYCEE AVANCEMENT UN").contains("60 %");
    }

    @Test
    void aChefDeCentreFollowsTheMissionsOfTheCentreOnly() {
        Browser centre = new Browser();
        assertThat(centre.login(base, "toulouse", CENTRE_CHEF, "imagin-demo").statusCode()).isEqualTo(302);
        HttpResponse<String> page = centre.get(base + "/toulouse/avancement-centre/?annee=" + YEAR);
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body().replaceAll("\\s+", " ");
        assertThat(body).containsPattern("0319982L - LYCEE AVANCEMENT UN</td> ?<td[^>]*>2</td> ?<td[^>]*>5</td> ?<td[^>]*>4</td>"
                + " ?<td[^>]*>3</td> ?<td[^>]*>1</td> ?<td[^>]*>60 %</td>").doesNotContain("LYCEE AVANCEMENT DEUX");
        assertThat(centre.get(base + "/toulouse/avancement-etablissement/?annee=" + YEAR).body())
                .as("its own staff: none on these missions").doesNotContain("AVANCEMENT UN</td>");
        centre.quit(base, "toulouse");
    }

    @Test
    void aChefDEtablissementFollowsTheStaffOfTheEstablishmentOnly() {
        Browser college = new Browser();
        assertThat(college.login(base, "toulouse", COLLEGE_CHEF, "imagin-demo").statusCode()).isEqualTo(302);
        HttpResponse<String> page = college.get(base + "/toulouse/avancement-etablissement/?annee=" + YEAR);
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body().replaceAll("\\s+", " ");
        // Its two people only: one convened and constaté at centre one, one designated at centre two; no need shown.
        assertThat(body).containsPattern("0319982L - LYCEE AVANCEMENT UN</td> ?<td[^>]*>1</td> ?<td[^>]*>1</td> ?<td[^>]*>1</td> ?<td[^>]*>1</td> ?</tr>");
        assertThat(body).containsPattern("0319983M - LYCEE AVANCEMENT DEUX</td> ?<td[^>]*>1</td> ?<td[^>]*>1</td> ?<td[^>]*>0</td> ?<td[^>]*>0</td> ?</tr>");
        assertThat(body).doesNotContain("Convoqués / requis");
        assertThat(college.get(base + "/toulouse/avancement-centre/").statusCode()).as("not an exam centre").isEqualTo(403);
        college.quit(base, "toulouse");
    }

    @Test
    void onlyTheOfficeSeesIt() {
        Browser chef = new Browser();
        assertThat(chef.login(base, "toulouse", "ce.0310974r", "imagin-demo").statusCode()).isEqualTo(302);
        assertThat(chef.get(base + PATH).statusCode()).isEqualTo(403);
        assertThat(chef.get(base + PATH + "export.csv").statusCode()).isEqualTo(403);
        chef.quit(base, "toulouse");
    }

    @Test
    void theScreenPassesAxe() {
        try (BrowserSession browser = BrowserSession.open(base)) {
            Page page = browser.login("toulouse", "gest.toulouse");
            browser.go(PATH + "?annee=" + YEAR + "&examen=T82");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Avancement de l'affectation");
            Axe.assertNoViolations(page);
            browser.screenshot("72-avancement-affectation");
            browser.closeExpectingCleanConsole();
        }
    }

    private static long mission(java.sql.Statement st, String numero, long session, long epreuve, String centre, String requis)
            throws java.sql.SQLException {
        return single(st, """
                insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut, date_fin, intervenants_requis)
                values ('%s', (select code from type_mission order by code limit 1), %d, %d, '%s', date '%d-06-10', date '%d-06-11', %s)
                returning id""".formatted(numero, session, epreuve, centre, YEAR, YEAR, requis));
    }

    private static long person(java.sql.Statement st, int n) throws java.sql.SQLException {
        return single(st, """
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                values ('AVANC-%d', 'M.', 'AVANCEMENT-%d', 'Test', date '1980-01-01', 'LETTRES') returning id""".formatted(n, n));
    }

    private static long affectation(java.sql.Statement st, long mission, long person, String statut) throws java.sql.SQLException {
        return single(st, """
                insert into affectation (mission_id, personnel_id, statut, auteur, convoquee_le)
                values (%d, %d, '%s', 'ACADEMIE', %s) returning id""".formatted(mission, person, statut,
                "AFFECTEE".equals(statut) ? "null" : "now()"));
    }
}
