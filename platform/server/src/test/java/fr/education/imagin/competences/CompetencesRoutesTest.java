package fr.education.imagin.competences;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static fr.education.imagin.competences.CompetencesFixture.authors;
import static fr.education.imagin.competences.CompetencesFixture.author;
import static fr.education.imagin.competences.CompetencesFixture.count;
import static fr.education.imagin.competences.CompetencesFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Saisie des compétences" and "Validation saisie compétence" through their routes, signed in as
 * the chef d'établissement of a Rennes lycée, on people the tests create (COMP-1 … 4, VALID-1).
 */
class CompetencesRoutesTest {

    private static final String T = CompetencesFixture.TENANT;

    private final String base = SharedPlatform.baseUrl();
    private final String uai = CompetencesFixture.uai(CompetencesFixture.lycee());
    private Browser browser;
    private long person;
    private List<Long> bac;

    @BeforeEach
    void signIn() throws SQLException {
        browser = new Browser();
        assertThat(browser.login(base, T, CompetencesFixture.lycee().login(), BrowserSession.DEMO_PASSWORD).statusCode()).isEqualTo(302);
        person = CompetencesFixture.newPerson(uai, "ZZCOMPROUTE");
        bac = CompetencesFixture.epreuves("'BAC_PRO', 'BAC_TECHNO', 'BAC_GENERAL', 'EA', 'BTS'", 8);
        assertThat(bac).hasSize(8);
    }

    @AfterEach
    void signOut() throws SQLException {
        CompetencesFixture.execute("delete from t_rennes.validation_competences where uai = '" + uai + "'");
        browser.submit(base + "/" + T + "/", base + "/" + T + "/quitter", Map.of());
    }

    private String detailUrl() {
        return base + "/" + T + "/competences/" + person;
    }

    private HttpResponse<String> post(String action, long epreuve) {
        return browser.submit(base + "/" + T + "/", detailUrl() + "/" + action, Map.of("epreuve", String.valueOf(epreuve)));
    }

    /** Posts, follows the redirect to the detail and returns its text (console included). */
    private String postAndShow(String action, long epreuve) {
        HttpResponse<String> answer = post(action, epreuve);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("location")).hasValue("/" + T + "/competences/" + person);
        return text(browser.get(detailUrl()).body());
    }

    private long audits(String action) throws SQLException {
        return count("select count(*) from platform.audit where action = '" + action + "' and detail like '%personnel="
                + person + " %'");
    }

    @Test
    void theListShowsCompetencesDefiniesAndTheDetailTheAuthorsAsComp2() throws SQLException {
        long other = CompetencesFixture.newPerson(uai, "ZZCOMPSANS");
        author(person, bac.get(0), "SYS", "SYS", "C");
        author(person, bac.get(0), uai, "ETABLISSEMENT", "I");
        author(person, bac.get(0), "GEST35", "GESTIONNAIRE", "C");
        author(person, bac.get(1), CompetencesFixture.numen(person), "AGENT", "C");

        String list = text(browser.get(base + "/" + T + "/competences/?q=zzcomp").body());
        assertThat(list).contains("Compétences définies").contains("ZZCOMPROUTE").contains("ZZCOMPSANS");
        assertThat(list).containsPattern("ZZCOMPROUTE</a></td>\\s*<td>TESTEUSE</td>\\s*<td>[^<]*</td>\\s*<td>OUI</td>");
        assertThat(list).containsPattern("ZZCOMPSANS</a></td>\\s*<td>TESTEUSE</td>\\s*<td>[^<]*</td>\\s*<td>NON</td>");

        String csv = browser.get(base + "/" + T + "/competences/export.csv?q=zzcomp").body();
        assertThat(csv).contains("Compétences définies").containsPattern("ZZCOMPROUTE;TESTEUSE;[^;]*;OUI")
                .containsPattern("ZZCOMPSANS;TESTEUSE;[^;]*;NON");

        String detail = text(browser.get(detailUrl()).body());
        assertThat(detail).contains("Liste des compétences").contains("Liste des enseignements").contains("INNOVATION TECHNO.");
        assertThat(detail).contains(uai + " (I) GEST35 (C) SYS (C)");
        assertThat(detail).contains(CompetencesFixture.numen(person) + " (C)");
        assertThat(detail).contains("Retour");
        assertThat(text(browser.get(base + "/" + T + "/competences/" + other).body())).contains("Compétences définies").contains("NON");
        assertThat(text(browser.get(base + "/" + T + "/aide/competences").body())).contains("Aide : Saisie des compétences");
        assertThat(text(browser.get(base + "/" + T + "/aide/validation-competences").body())).contains("Aide : Validation saisie compétence");
    }

    @Test
    void staffOfAnotherEstablishmentAreNotFoundAndCannotBeChanged() throws SQLException {
        long elsewhere = CompetencesFixture.newPerson(CompetencesFixture.uai(CompetencesFixture.college()), "ZZCOMPAILLEURS");
        author(elsewhere, bac.get(0), "SYS", "SYS", "C");
        assertThat(browser.get(base + "/" + T + "/competences/" + elsewhere).statusCode()).isEqualTo(404);
        HttpResponse<String> answer = browser.submit(base + "/" + T + "/", base + "/" + T + "/competences/" + elsewhere + "/invalider",
                Map.of("epreuve", String.valueOf(bac.get(0))));
        assertThat(answer.statusCode()).as("another establishment's person is no record of this one").isEqualTo(404);
        assertThat(text(answer.body())).contains("Personnel introuvable");
        assertThat(CompetencesFixture.strings("select auteur || ' (' || avis || ')' from t_rennes.competence_auteur where personnel_id = "
                + elsewhere)).containsExactly("SYS (C)");
    }

    @Test
    void plusOnASystemCompetenceMakesTheEstablishmentACompetentAuthor() throws SQLException {
        author(person, bac.get(0), "SYS", "SYS", "C");
        String page = postAndShow("valider", bac.get(0));
        assertThat(authors(person, bac.get(0))).containsExactly(uai + " (C)", "SYS (C)");
        assertThat(page).contains(uai + " (C) SYS (C)").contains("est validée par l'établissement " + uai);
        assertThat(audits("COMPETENCE_VALIDEE")).isEqualTo(1);
    }

    @Test
    void xOnASystemCompetenceKeepsItWithTheEstablishmentsIMark() throws SQLException {
        author(person, bac.get(0), "SYS", "SYS", "C");
        String page = postAndShow("invalider", bac.get(0));
        assertThat(authors(person, bac.get(0))).containsExactly(uai + " (I)", "SYS (C)");
        assertThat(page).contains(uai + " (I) SYS (C)");
        assertThat(audits("COMPETENCE_INVALIDEE")).isEqualTo(1);
        // "+" afterwards turns the (I) back to (C)
        postAndShow("valider", bac.get(0));
        assertThat(authors(person, bac.get(0))).containsExactly(uai + " (C)", "SYS (C)");
    }

    @Test
    void xOnACompetenceOnlyThisEstablishmentAuthoredRemovesItFromTheList() throws SQLException {
        author(person, bac.get(0), uai, "ETABLISSEMENT", "C");
        String page = postAndShow("invalider", bac.get(0));
        assertThat(authors(person, bac.get(0))).isEmpty();
        assertThat(page).contains("est supprimée de la liste").contains("Aucune compétence n'est définie");
        assertThat(audits("COMPETENCE_SUPPRIMEE")).isEqualTo(1);
    }

    @Test
    void xWithTheAgentOrAManagerOrAnotherEstablishmentStillCompetentKeepsItWithI() throws SQLException {
        String numen = CompetencesFixture.numen(person);
        author(person, bac.get(0), uai, "ETABLISSEMENT", "C");
        author(person, bac.get(0), numen, "AGENT", "C");
        author(person, bac.get(1), uai, "ETABLISSEMENT", "C");
        author(person, bac.get(1), "GEST35", "GESTIONNAIRE", "C");
        author(person, bac.get(2), uai, "ETABLISSEMENT", "C");
        author(person, bac.get(2), "0359999Z", "ETABLISSEMENT", "C");
        postAndShow("invalider", bac.get(0));
        postAndShow("invalider", bac.get(1));
        String page = postAndShow("invalider", bac.get(2));
        assertThat(authors(person, bac.get(0))).containsExactlyInAnyOrder(uai + " (I)", numen + " (C)");
        assertThat(authors(person, bac.get(1))).containsExactlyInAnyOrder(uai + " (I)", "GEST35 (C)");
        assertThat(authors(person, bac.get(2))).containsExactlyInAnyOrder(uai + " (I)", "0359999Z (C)");
        assertThat(page).contains("elle reste dans la liste car d'autres auteurs l'ont déclarée");
    }

    @Test
    void xWhenEveryOtherAuthorAlreadyRemovedItDeletesTheCompetence() throws SQLException {
        author(person, bac.get(0), uai, "ETABLISSEMENT", "C");
        author(person, bac.get(0), CompetencesFixture.numen(person), "AGENT", "I");
        postAndShow("invalider", bac.get(0));
        assertThat(authors(person, bac.get(0))).isEmpty();
    }

    @Test
    void addingACompetenceMakesTheEstablishmentItsAuthorAndADuplicateIsRefusedWithTheExactMessage() throws SQLException {
        String page = postAndShow("ajouter", bac.get(3));
        assertThat(authors(person, bac.get(3))).containsExactly(uai + " (C)");
        assertThat(audits("COMPETENCE_VALIDEE")).isEqualTo(1);

        author(person, bac.get(4), "SYS", "SYS", "C");
        for (long epreuve : List.of(bac.get(3), bac.get(4))) {
            page = postAndShow("ajouter", epreuve);
            assertThat(page).contains("Erreur : Impossible de créer cette epreuve option. L'épreuve option que vous voulez "
                    + "ajouter existe déjà dans la liste des compétences.");
        }
        assertThat(authors(person, bac.get(3))).containsExactly(uai + " (C)");
        assertThat(authors(person, bac.get(4))).containsExactly("SYS (C)");
        assertThat(audits("COMPETENCE_VALIDEE")).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedInFrenchAndNothingIsWritten() throws SQLException {
        long dnb = CompetencesFixture.epreuves("'DNB'", 1).get(0);
        String page = postAndShow("ajouter", dnb);
        assertThat(page).contains(CompetenceService.NOT_PROPOSED);
        HttpResponse<String> empty = browser.submit(base + "/" + T + "/", detailUrl() + "/ajouter", Map.of("epreuve", "abc"));
        assertThat(empty.statusCode()).isEqualTo(302);
        assertThat(text(browser.get(base + "/" + T + "/").body())).contains("Erreur : Choisissez un examen, une spécialité et une épreuve option");
        page = postAndShow("invalider", bac.get(5));
        assertThat(page).contains(CompetenceService.NOT_FOUND);
        assertThat(count("select count(*) from t_rennes.competence_auteur where personnel_id = " + person)).isZero();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws SQLException {
        author(person, bac.get(0), "SYS", "SYS", "C");
        HttpResponse<String> forged = browser.post(detailUrl() + "/invalider", Map.of("epreuve", String.valueOf(bac.get(0))));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(authors(person, bac.get(0))).containsExactly("SYS (C)");
    }

    @Test
    void proposalsOfALyceeAreBacAndBtsExamsNeverTheDnb() throws SQLException {
        JsonObject examens = new JsonObject(browser.get(base + "/" + T + "/competences/propositions").body());
        List<String> codes = examens.getJsonArray("examens").stream().map(o -> ((JsonObject) o).getString("value")).toList();
        assertThat(codes).isNotEmpty();
        String in = String.join("','", codes);
        assertThat(CompetencesFixture.strings("select distinct famille from t_rennes.examen where code in ('" + in + "')"))
                .isSubsetOf("BAC_PRO", "BAC_TECHNO", "BAC_GENERAL", "EA", "BTS");
        String dnb = CompetencesFixture.strings("select code from t_rennes.examen where famille = 'DNB' limit 1").get(0);
        assertThat(codes).doesNotContain(dnb);
        JsonObject refused = new JsonObject(browser.get(base + "/" + T + "/competences/propositions?examen=" + dnb).body());
        assertThat(refused.getJsonArray("specialites")).isEmpty();

        JsonObject specialites = new JsonObject(browser.get(base + "/" + T + "/competences/propositions?examen=" + codes.get(0)).body());
        String specialite = specialites.getJsonArray("specialites").getJsonObject(0).getString("value");
        JsonObject epreuves = new JsonObject(browser.get(base + "/" + T + "/competences/propositions?specialite=" + specialite).body());
        assertThat(epreuves.getJsonArray("epreuves")).isNotEmpty();
        assertThat(browser.get(base + "/" + T + "/competences/propositions?specialite=x").statusCode()).isEqualTo(400);

        // without script, the add page draws the same proposals from its query
        String epreuve = epreuves.getJsonArray("epreuves").getJsonObject(0).getString("value");
        String noScript = browser.get(detailUrl() + "/ajout?examen=" + codes.get(0) + "&specialite=" + specialite).body();
        assertThat(noScript).contains("<option value=\"" + codes.get(0) + "\" selected>")
                .contains("<option value=\"" + specialite + "\" selected>").contains("<option value=\"" + epreuve + "\">")
                .doesNotContain("<option value=\"" + dnb + "\"");
    }

    @Test
    void proposalsOfACollegeAreOnlyTheDnb() throws SQLException {
        browser.submit(base + "/" + T + "/", base + "/" + T + "/quitter", Map.of());
        Browser college = new Browser();
        assertThat(college.login(base, T, CompetencesFixture.college().login(), BrowserSession.DEMO_PASSWORD).statusCode()).isEqualTo(302);
        try {
            JsonObject examens = new JsonObject(college.get(base + "/" + T + "/competences/propositions").body());
            List<String> codes = examens.getJsonArray("examens").stream().map(o -> ((JsonObject) o).getString("value")).toList();
            assertThat(codes).isNotEmpty();
            assertThat(CompetencesFixture.strings("select distinct famille from t_rennes.examen where code in ('"
                    + String.join("','", codes) + "')")).containsExactly("DNB");
        } finally {
            college.submit(base + "/" + T + "/", base + "/" + T + "/quitter", Map.of());
        }
        // the lycée's session was quit: sign in again for @AfterEach
        browser = new Browser();
        browser.login(base, T, CompetencesFixture.lycee().login(), BrowserSession.DEMO_PASSWORD);
    }

    @Test
    void validationNeedsTheCheckboxThenMakesEverythingReadOnlyUntilTheOfficeReopens() throws SQLException {
        author(person, bac.get(0), "SYS", "SYS", "C");
        String validation = base + "/" + T + "/validation-competences/";
        String form = text(browser.get(validation).body());
        assertThat(form).contains("J'ai terminé la saisie des compétences. *").contains("Vous ne pourrez plus alors modifier la saisie des compétences")
                .contains("Valider");

        assertThat(browser.submit(validation, validation, Map.of()).statusCode()).isEqualTo(302);
        assertThat(text(browser.get(validation).body())).contains(ValidationCompetencesActivity.CHECKBOX_REQUIRED);
        assertThat(count("select count(*) from t_rennes.validation_competences where uai = '" + uai + "'")).isZero();

        assertThat(browser.submit(validation, validation, Map.of("termine", "oui")).statusCode()).isEqualTo(302);
        assertThat(count("select count(*) from t_rennes.validation_competences where uai = '" + uai + "'")).isOne();
        assertThat(count("select count(*) from platform.audit where action = 'SAISIE_COMPETENCES_VALIDEE' and detail = 'uai=" + uai + "'"))
                .isGreaterThanOrEqualTo(1);
        assertThat(text(browser.get(validation).body())).contains("Saisie des compétences validée").doesNotContain("name=\"termine\"");

        // read-only: no + / X / Ajouter, and the routes refuse
        String detail = browser.get(detailUrl()).body();
        assertThat(detail).doesNotContain("/valider\"").doesNotContain("/invalider\"").doesNotContain("Ajouter une compétence");
        for (String action : List.of("valider", "invalider", "ajouter")) {
            assertThat(postAndShow(action, action.equals("ajouter") ? bac.get(1) : bac.get(0))).contains(CompetenceService.READ_ONLY);
        }
        assertThat(authors(person, bac.get(0))).containsExactly("SYS (C)");
        assertThat(authors(person, bac.get(1))).isEmpty();

        // an establishment cannot reopen itself
        String office = base + "/" + T + "/administration/validations-competences";
        assertThat(browser.submit(base + "/" + T + "/", office + "/rouvrir", Map.of("uai", uai)).statusCode()).isEqualTo(403);
        assertThat(browser.get(office).statusCode()).isEqualTo(403);

        // the academy office reopens
        Browser gestionnaire = new Browser();
        assertThat(gestionnaire.login(base, T, "gest." + T, BrowserSession.DEMO_PASSWORD).statusCode()).isEqualTo(302);
        try {
            assertThat(gestionnaire.get(base + "/" + T + "/").body()).contains("/" + T + "/administration/validations-competences");
            assertThat(text(gestionnaire.get(office).body())).contains(uai).contains("Rouvrir la saisie");
            assertThat(gestionnaire.submit(office, office + "/rouvrir", Map.of("uai", "pas un UAI")).statusCode()).isEqualTo(302);
            assertThat(text(gestionnaire.get(office).body())).contains("Erreur : Numéro d'établissement (UAI) invalide");
            assertThat(gestionnaire.submit(office, office + "/rouvrir", Map.of("uai", uai)).statusCode()).isEqualTo(302);
            assertThat(text(gestionnaire.get(office).body())).contains("La saisie des compétences de l'établissement " + uai + " est rouverte.");
        } finally {
            gestionnaire.submit(base + "/" + T + "/", base + "/" + T + "/quitter", Map.of());
        }
        assertThat(count("select count(*) from t_rennes.validation_competences where uai = '" + uai + "'")).isZero();
        assertThat(count("select count(*) from platform.audit where action = 'SAISIE_COMPETENCES_ROUVERTE' and detail = 'uai=" + uai + "'"))
                .isGreaterThanOrEqualTo(1);

        postAndShow("invalider", bac.get(0));
        assertThat(authors(person, bac.get(0))).containsExactly(uai + " (I)", "SYS (C)");
    }
}
