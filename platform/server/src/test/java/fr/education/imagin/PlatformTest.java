package fr.education.imagin;

import fr.education.imagin.core.config.Setting;
import fr.education.imagin.demo.DemoAccount;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.TestPlatform;
import fr.education.imagin.testkit.TestPostgres;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform as a user meets it: one real member on real PostgreSQL with the demo académies. */
class PlatformTest {

    private static Platform platform;
    private static String base;
    private static String jdbcUrl;

    @BeforeAll
    static void start() {
        jdbcUrl = TestPostgres.newDatabase();
        Map<Setting, String> settings = TestPlatform.settings(jdbcUrl);
        settings.put(Setting.BENCH_ROUTES, "true");
        platform = TestPlatform.start(settings);
        base = TestPlatform.baseUrl(platform);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void healthAndReadinessReportDatabaseAndCluster() {
        Browser browser = new Browser();
        HttpResponse<String> health = browser.get(base + "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(health.body()).getString("status")).isEqualTo("UP");

        JsonObject ready = new JsonObject(browser.get(base + "/ready").body());
        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getJsonObject("database").getString("status")).isEqualTo("UP");
        assertThat(ready.getJsonObject("cluster").getInteger("members")).isEqualTo(1);
    }

    @Test
    void landingListsTheDemoAcademies() {
        String body = new Browser().get(base + "/").body();
        assertThat(body).contains("ACADEMIE DE RENNES", "ACADEMIE DE TOULOUSE",
                "SERVICE INTERACADEMIQUE DES EXAMENS ET CONCOURS", "href=\"/rennes/\"");
    }

    @Test
    void unknownTenantGetsAFrenchNotFoundPageWithoutStackTrace() {
        HttpResponse<String> response = new Browser().get(base + "/lyon/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page introuvable").doesNotContain("Exception");
    }

    @Test
    void anonymousVisitorIsSentToTheLoginForm() {
        HttpResponse<String> response = new Browser().get(base + "/rennes/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("location")).hasValue("/rennes/connexion");
    }

    @Test
    void chefDEtablissementSignsInAndSeesHisEstablishmentAndTheWelcomeMessage() {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.login(base, "toulouse", "ce.0310038y", "imagin-demo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("location")).hasValue("/toulouse/");

        String home = browser.get(base + "/toulouse/").body();
        assertThat(home).contains("ACADEMIE DE TOULOUSE", "0310038Y", "LYCEE POLYVALENT PIERRE-PAUL RIQUET",
                "Connecté en tant que 0310038Y", "Les convocations aux épreuves de la session de juin");

        // ACAD-1: the same session opens the other académie where the lycée is an exam centre...
        HttpResponse<String> siec = browser.get(base + "/siec/");
        assertThat(siec.statusCode()).isEqualTo(200);
        assertThat(siec.body()).contains("SERVICE INTERACADEMIQUE DES EXAMENS ET CONCOURS");
        // ...but no académie where it is not.
        assertThat(browser.get(base + "/rennes/").statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordIsRefusedWithAFrenchMessage() {
        HttpResponse<String> response = new Browser().login(base, "rennes", "gest.rennes", "mauvais");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Erreur : Identifiant ou mot de passe incorrect.");
    }

    @Test
    void anAccountOfOneAcademyCannotSignInToAnother() {
        Browser browser = new Browser();
        assertThat(browser.login(base, "rennes", "gest.toulouse", "imagin-demo").statusCode()).isEqualTo(401);
        assertThat(browser.get(base + "/rennes/").statusCode()).isEqualTo(302);
    }

    @Test
    void aSessionOfOneAcademyIsRefusedInAnother() {
        Browser browser = new Browser();
        browser.login(base, "toulouse", "gest.toulouse", "imagin-demo");
        assertThat(browser.get(base + "/toulouse/").statusCode()).isEqualTo(200);
        HttpResponse<String> other = browser.get(base + "/rennes/");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("Accès refusé");
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedAndSignsNobodyIn() {
        Browser browser = new Browser();
        browser.get(base + "/rennes/connexion");
        HttpResponse<String> response = browser.post(base + "/rennes/connexion",
                Map.of("login", "gest.rennes", "password", "imagin-demo"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.get(base + "/rennes/").statusCode()).isEqualTo(302);
    }

    @Test
    void quitterEndsTheSession() {
        Browser browser = new Browser();
        browser.login(base, "rennes", "gest.rennes", "imagin-demo");
        assertThat(browser.submit(base + "/rennes/", base + "/rennes/quitter", Map.of()).statusCode()).isEqualTo(302);
        assertThat(browser.get(base + "/rennes/").statusCode()).isEqualTo(302);
    }

    @Test
    void responsesCarryTheSecurityHeadersAndAHttpOnlySessionCookie() {
        HttpResponse<String> response = new Browser().get(base + "/rennes/connexion");
        assertThat(response.headers().firstValue("content-security-policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("referrer-policy")).hasValue("same-origin");
        assertThat(response.headers().allValues("set-cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("imagin.session=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
    }

    /** SH-10: never two sessions for one establishment, and a tab left open elsewhere locks nobody out. */
    @Test
    void aSecondConnectionForTheSameEstablishmentEndsTheFirstWithAWarning() throws SQLException {
        String college = platform.demoAccounts().stream()
                .filter(a -> "toulouse".equals(a.tenantCode()) && a.login().startsWith("ce.") && !a.login().equals("ce.0310038y"))
                .findFirst().orElseThrow().login();
        String uai = college.substring(3).toUpperCase();
        Browser first = new Browser();
        assertThat(first.login(base, "toulouse", college, "imagin-demo").statusCode()).isEqualTo(302);
        assertThat(first.get(base + "/toulouse/").statusCode()).isEqualTo(200);

        Browser second = new Browser();
        assertThat(second.login(base, "toulouse", college, "imagin-demo").statusCode()).isEqualTo(302);
        HttpResponse<String> landed = second.get(base + "/toulouse/");
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.body()).contains("Une autre connexion était ouverte pour l&#39;établissement " + uai + " : elle a été fermée");
        assertThat(second.get(base + "/toulouse/").body()).as("the warning shows once").doesNotContain("Une autre connexion était ouverte");
        HttpResponse<String> ended = first.get(base + "/toulouse/");
        assertThat(ended.statusCode()).as("the first connection is over").isEqualTo(401);
        assertThat(ended.body()).as("and its tab says why, offering to sign in again")
                .contains("Session fermée", "Une autre connexion a été ouverte pour l'établissement " + uai,
                        "href=\"/toulouse/connexion\"")
                .doesNotContain("Connecté en tant que");
        assertThat(first.get(base + "/toulouse/personnels/").statusCode()).as("nothing else opens").isEqualTo(401);

        second.submit(base + "/toulouse/", base + "/toulouse/quitter", Map.of());
        assertThat(auditCount(college, "SESSION_REMPLACEE")).isEqualTo(1);
        assertThat(auditCount(college, "CONNEXION")).isEqualTo(2);
        assertThat(auditCount(college, "DECONNEXION")).isEqualTo(1);
    }

    @Test
    void aChefWithSeveralDelegationsPicksTheEstablishmentAfterLogin() {
        DemoAccount delegations = platform.demoAccounts().stream()
                .filter(a -> a.login().equals("ce.delegations.rennes")).findFirst().orElseThrow();
        assertThat(delegations.uais()).hasSize(2);
        String chosen = delegations.uais().get(1);
        Browser browser = new Browser();
        assertThat(browser.login(base, "rennes", delegations.login(), "imagin-demo").statusCode()).isEqualTo(302);
        HttpResponse<String> home = browser.get(base + "/rennes/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("location")).hasValue("/rennes/etablissement");
        assertThat(browser.get(base + "/rennes/etablissement").body()).contains(delegations.uais().get(0), chosen);

        HttpResponse<String> foreign = browser.submit(base + "/rennes/etablissement", base + "/rennes/etablissement",
                Map.of("uai", "0310038Y"));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("Veuillez choisir un des établissements");

        HttpResponse<String> choice = browser.submit(base + "/rennes/etablissement", base + "/rennes/etablissement",
                Map.of("uai", chosen));
        assertThat(choice.statusCode()).isEqualTo(302);
        HttpResponse<String> acting = browser.get(base + "/rennes/");
        assertThat(acting.statusCode()).isEqualTo(200);
        assertThat(acting.body()).contains(chosen);
        browser.submit(base + "/rennes/", base + "/rennes/quitter", Map.of());
    }

    @Test
    void theAcademyOfficeClosesAnActivityAndTheServerRefusesItUntilReopened() throws SQLException {
        String chef = platform.demoAccounts().stream()
                .filter(a -> "rennes".equals(a.tenantCode()) && a.login().startsWith("ce.0")).findFirst().orElseThrow().login();
        Browser office = new Browser();
        office.login(base, "rennes", "gest.rennes", "imagin-demo");
        Browser establishment = new Browser();
        establishment.login(base, "rennes", chef, "imagin-demo");
        assertThat(establishment.get(base + "/rennes/personnels/").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = establishment.submit(base + "/rennes/", base + "/rennes/administration/activites",
                Map.of("code", "personnels", "ouverte", "false"));
        assertThat(refused.statusCode()).as("only the academy office opens and closes").isEqualTo(403);

        String page = base + "/rennes/administration/activites";
        assertThat(office.submit(page, page, Map.of("code", "personnels", "ouverte", "false")).statusCode()).isEqualTo(302);
        assertThat(office.get(page).body()).contains("L&#39;activité « Consultation des personnels » est fermée.");
        HttpResponse<String> closed = establishment.get(base + "/rennes/personnels/");
        assertThat(closed.statusCode()).isEqualTo(403);
        assertThat(closed.body()).contains("Activité fermée");

        assertThat(office.submit(page, page, Map.of("code", "inconnue", "ouverte", "true")).statusCode()).isEqualTo(302);
        assertThat(office.get(page).body()).contains("Activité ou état inconnu");
        office.submit(page, page, Map.of("code", "personnels", "ouverte", "true"));
        assertThat(establishment.get(base + "/rennes/personnels/").statusCode()).isEqualTo(200);
        assertThat(auditCount("gest.rennes", "ACTIVITE_FERMEE")).isEqualTo(1);
        assertThat(auditCount("gest.rennes", "ACTIVITE_OUVERTE")).isEqualTo(1);
        establishment.submit(base + "/rennes/", base + "/rennes/quitter", Map.of());
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() {
        Browser browser = new Browser();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(browser.login(base, "siec", "gest.siec", "mauvais-" + attempt).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = browser.login(base, "siec", "gest.siec", "imagin-demo");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Trop de tentatives de connexion infructueuses");
        assertThat(browser.get(base + "/siec/").statusCode()).isEqualTo(302);
    }

    private static long auditCount(String actor, String action) throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", "");
             var st = conn.prepareStatement("select count(*) from platform.audit where actor = ? and action = ?")) {
            st.setString(1, actor);
            st.setString(2, action);
            try (ResultSet rows = st.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void demoAccountsArePrintedForEveryDemoAcademy() {
        assertThat(platform.demoAccounts()).extracting(DemoAccount::login)
                .contains("admin", "gest.rennes", "gest.toulouse", "gest.siec", "ce.0310038y");
    }

    @Test
    void sharedLyceeIsAnExamCentreInTwoAcademies() throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement st = conn.createStatement();
             ResultSet rows = st.executeQuery(
                     "select string_agg(tenant_code, ',' order by tenant_code) from platform.centre_examen_academie where uai = '0310038Y'")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("siec,toulouse");
        }
    }

    @Test
    void eachTenantHasItsOwnSchemaWithItsOwnData() throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement st = conn.createStatement();
             ResultSet rows = st.executeQuery("""
                     select (select count(*) from t_rennes.personnel), (select count(*) from t_toulouse.personnel),
                            (select count(*) from t_rennes.etablissement e where e.uai like '035%'),
                            (select count(*) from t_rennes.etablissement e where e.uai like '031%')""")) {
            rows.next();
            assertThat(rows.getLong(1)).isGreaterThan(100);
            assertThat(rows.getLong(2)).isGreaterThan(100);
            assertThat(rows.getLong(3)).isGreaterThan(10);
            assertThat(rows.getLong(4)).isZero();
        }
    }

    @Test
    void baselinePageEscapesItsData() {
        String body = new Browser().get(base + "/bench/fortunes").body();
        assertThat(body).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(")
                .contains("フレームワークのベンチマーク", "Additional fortune added at request time.");
    }
}
