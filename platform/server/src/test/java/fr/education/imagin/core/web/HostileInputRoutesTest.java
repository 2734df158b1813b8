package fr.education.imagin.core.web;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #10, against the real platform: hostile values that used to answer 500 are now a page
 * or a French refusal, and a refusal writes nothing.
 */
class HostileInputRoutesTest {

    private static final String CENTRE = "/toulouse/signature-centre/";
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
    void aHugePageNumberDoesNotOverflowTheOffset() {
        for (String page : new String[]{"21474838", "2147483647"}) {
            HttpResponse<String> response = browser.get(base + "/toulouse/personnels/?page=" + page);
            assertThat(response.statusCode()).as("page=" + page).isEqualTo(200);
            assertThat(response.body()).contains("Liste des personnels");
        }
    }

    /** Point 7: an address past the decoder's limit gets a French page, not an empty 414. */
    @Test
    void anOverLongAddressGetsAFrenchPage() throws Exception {
        // HTTP/1.1 as browsers speak it in clear text (java.net.http would try an h2c upgrade).
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(base + "/toulouse/personnels/?q=" + "a".repeat(10_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(414);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("Adresse trop longue", "dépasse la longueur autorisée")
                .doesNotContainIgnoringCase("exception");
    }

    @Test
    void aNulCharacterInTheKeywordIsRefusedNot500() {
        HttpResponse<String> response = browser.get(base + "/toulouse/personnels/?q=ab%00cd");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("caractère non autorisé").doesNotContainIgnoringCase("exception");
    }

    @Test
    void aNulCharacterInAFormFieldIsRefusedAndNothingIsWritten() throws SQLException {
        String before = ville();
        HttpResponse<String> response = browser.submit(base + CENTRE, base + CENTRE,
                Map.of("autorite", "X", "intitule", "Y", "nom", "Anne\u0000MARTIN", "ville", "Nulle-part"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("caractère non autorisé");
        assertThat(ville()).isEqualTo(before);
    }

    /** Point 6: a screen's message already written "Erreur : ..." shows its label once. */
    @Test
    void aConsoleMessageShowsItsLevelLabelOnce() {
        HttpResponse<String> refused = browser.submit(base + CENTRE, base + CENTRE,
                Map.of("autorite", "X", "intitule", "Y", "nom", "", "ville", "Toulouse"));
        String page = refused.statusCode() / 100 == 3 ? browser.get(base + CENTRE).body() : refused.body();
        assertThat(page).contains("Erreur : le champ « Nom » est obligatoire").doesNotContain("Erreur : Erreur :");
    }

    /** Point 7: an export asked with a period that cannot be applied is refused, not the unfiltered list. */
    @Test
    void anExportWithAnInvalidPeriodIsRefusedInsteadOfExportingEverything() {
        for (String export : new String[]{"export.csv", "export.pdf"}) {
            HttpResponse<String> refused = browser.get(base + "/toulouse/personnels/" + export
                    + "?periode=disponibilite&du=31/02/2025&au=01/03/2025");
            assertThat(refused.statusCode()).as(export).isEqualTo(400);
            assertThat(refused.body()).contains("La date de début de période « 31/02/2025 » n&#39;existe pas.",
                    "Le fichier n&#39;a pas été produit");
        }
        assertThat(browser.get(base + "/toulouse/personnels/export.csv?periode=disponibilite&du=01/02/2025&au=01/03/2025")
                .statusCode()).isEqualTo(200);
        // The screen itself still shows the list with the reason in the console.
        assertThat(browser.get(base + "/toulouse/personnels/?periode=disponibilite&du=31/02/2025&au=01/03/2025")
                .statusCode()).isEqualTo(200);
    }

    private static String ville() throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("select coalesce(max(ville), '') from t_toulouse.signature"
                     + " where uai = '0310038Y' and role = 'CENTRE'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
