package fr.education.imagin.academies.administration;

import fr.education.imagin.Platform;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.TestPlatform;
import fr.education.imagin.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The national admin console over HTTP, against a real platform on real PostgreSQL. */
class AdminConsoleTest {

    private static Platform platform;
    private static String base;
    private static String jdbcUrl;

    @BeforeAll
    static void start() {
        jdbcUrl = TestPostgres.newDatabase();
        platform = TestPlatform.start(TestPlatform.settings(jdbcUrl));
        base = TestPlatform.baseUrl(platform);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** A browser signed in to the console as the demo national admin. */
    static Browser admin(String base) {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.submit(base + "/admin/connexion", base + "/admin/connexion",
                Map.of("login", "admin", "password", "imagin-demo"));
        assertThat(login.statusCode()).as("admin login").isEqualTo(302);
        assertThat(login.headers().firstValue("location")).hasValue("/admin/");
        return browser;
    }

    /** Posts the "Créer une académie" form. */
    static HttpResponse<String> create(Browser browser, String base, String code, String nom) {
        Map<String, String> form = new HashMap<>(Map.of("code", code, "nom", nom, "contact", "dec@ac-" + code + ".fr",
                "accueil", "Bienvenue dans l'académie.", "gestionnaire", "gest." + code, "motDePasse", "mot-de-passe-initial"));
        return browser.submit(base + "/admin/academies/nouvelle", base + "/admin/academies", form);
    }

    @Test
    void anAcademyCreatedThroughTheConsoleIsServedAtOnce() throws SQLException {
        Browser admin = admin(base);
        HttpResponse<String> created = create(admin, base, "nantes", "ACADEMIE DE NANTES");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(created.headers().firstValue("location")).hasValue("/admin/academies/nantes");

        assertThat(count("select count(*) from information_schema.tables where table_schema = 't_nantes'"))
                .as("tables of the new schema").isGreaterThan(5);
        assertThat(count("select count(*) from platform.tenant where code = 'nantes' and actif")).isEqualTo(1);
        assertThat(new Browser().get(base + "/").body()).contains("ACADEMIE DE NANTES", "/nantes/");
        assertThat(new Browser().get(base + "/nantes/connexion").statusCode()).isEqualTo(200);

        // Its first gestionnaire signs in, and reads the académie's audit trail.
        Browser gestionnaire = new Browser();
        assertThat(gestionnaire.login(base, "nantes", "gest.nantes", "mot-de-passe-initial").statusCode()).isEqualTo(302);
        HttpResponse<String> journal = gestionnaire.get(base + "/nantes/administration/journal");
        assertThat(journal.statusCode()).isEqualTo(200);
        assertThat(journal.body()).contains("ACADEMIE_CREEE", "CONNEXION", "gest.nantes");

        HttpResponse<String> page = admin.get(base + "/admin/academies/nantes");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ACADEMIE DE NANTES", "est créée et ouverte", "Bienvenue dans l&#39;académie.");
        assertThat(count("select count(*) from platform.audit where action = 'ACADEMIE_CREEE' and tenant_code = 'nantes'"
                + " and actor = 'admin'")).isEqualTo(1);
    }

    @Test
    void anInvalidFormCreatesNothingAndSaysWhyInFrench() throws SQLException {
        Browser admin = admin(base);
        HttpResponse<String> invalid = create(admin, base, "Nantes!", "ACADEMIE DE NANTES");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Erreur : Le code « Nantes! » n&#39;est pas valide", "imagin-console__message--erreur",
                "fr-input-group--error", "id=\"code\" aria-describedby=\"code-erreur\" aria-invalid=\"true\"");
        HttpResponse<String> reserved = create(admin, base, "admin", "ADMIN");
        assertThat(reserved.statusCode()).isEqualTo(400);
        assertThat(reserved.body()).contains("est réservé par la plateforme");
        HttpResponse<String> taken = create(admin, base, "rennes", "ENCORE RENNES");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("Une académie de code « rennes » existe déjà");
        Map<String, String> noMail = new HashMap<>(Map.of("code", "brest", "nom", "BREST", "contact", "pas-un-courriel",
                "gestionnaire", "gest.brest", "motDePasse", "mot-de-passe-initial"));
        HttpResponse<String> badMail = admin.submit(base + "/admin/academies/nouvelle", base + "/admin/academies", noMail);
        assertThat(badMail.statusCode()).isEqualTo(400);
        assertThat(badMail.body()).contains("Le courriel de contact n&#39;est pas une adresse valide", "value=\"brest\"");

        assertThat(count("select count(*) from platform.tenant where code in ('brest') or nom = 'ENCORE RENNES'")).isZero();
        assertThat(count("select count(*) from information_schema.schemata where schema_name in ('t_brest', 't_admin')")).isZero();
        assertThat(count("select count(*) from platform.audit where action like 'ACADEMIE%' and tenant_code in ('brest', 'admin')"))
                .isZero();
    }

    @Test
    void aDisabledAcademyAnswers404UntilReEnabled() throws SQLException {
        Browser admin = admin(base);
        assertThat(create(admin, base, "lille", "ACADEMIE DE LILLE").statusCode()).isEqualTo(302);
        assertThat(new Browser().get(base + "/lille/connexion").statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = admin.submit(base + "/admin/", base + "/admin/academies/lille/desactiver", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(new Browser().get(base + "/lille/connexion").statusCode()).isEqualTo(404);
        assertThat(new Browser().get(base + "/lille/").statusCode()).isEqualTo(404);
        assertThat(new Browser().get(base + "/").body()).doesNotContain("ACADEMIE DE LILLE");
        String list = admin.get(base + "/admin/").body();
        assertThat(list).contains("ACADEMIE DE LILLE", "Désactivée", "/admin/academies/lille/reactiver", "est désactivée.");

        HttpResponse<String> enabled = admin.submit(base + "/admin/", base + "/admin/academies/lille/reactiver", Map.of());
        assertThat(enabled.statusCode()).isEqualTo(302);
        assertThat(new Browser().get(base + "/lille/connexion").statusCode()).isEqualTo(200);
        assertThat(count("select count(*) from platform.audit where tenant_code = 'lille' and actor = 'admin'"
                + " and action in ('ACADEMIE_DESACTIVEE', 'ACADEMIE_REACTIVEE')")).isEqualTo(2);
    }

    @Test
    void theWelcomeMessageAndThePluginsAreSetPerAcademy() throws SQLException {
        Browser admin = admin(base);
        HttpResponse<String> saved = admin.submit(base + "/admin/academies/rennes", base + "/admin/academies/rennes/accueil",
                Map.of("accueil", "Session 2026 : les convocations partent le 2 juin."));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(count("select count(*) from platform.tenant where code = 'rennes'"
                + " and message_accueil = 'Session 2026 : les convocations partent le 2 juin.'")).isEqualTo(1);
        Browser gestionnaire = new Browser();
        gestionnaire.login(base, "rennes", "gest.rennes", "imagin-demo");
        assertThat(gestionnaire.get(base + "/rennes/").body()).contains("les convocations partent le 2 juin");

        String page = admin.get(base + "/admin/academies/rennes").body();
        assertThat(page).contains("ec-ece", "Chargé", "Activé — désactiver");
        HttpResponse<String> off = admin.submit(base + "/admin/academies/rennes", base + "/admin/academies/rennes/plugins/ec-ece",
                Map.of("activer", "false"));
        assertThat(off.statusCode()).isEqualTo(302);
        assertThat(count("select count(*) from platform.tenant_plugin where tenant_code = 'rennes' and plugin_id = 'ec-ece'"
                + " and not enabled and changed_by = 'admin'")).isEqualTo(1);
        HttpResponse<String> on = admin.submit(base + "/admin/academies/rennes", base + "/admin/academies/rennes/plugins/ec-ece",
                Map.of("activer", "true"));
        assertThat(on.statusCode()).isEqualTo(302);
        assertThat(count("select count(*) from platform.tenant_plugin where tenant_code = 'rennes' and plugin_id = 'ec-ece'"
                + " and enabled")).isEqualTo(1);
        HttpResponse<String> unknown = admin.submit(base + "/admin/academies/rennes", base + "/admin/academies/rennes/plugins/inconnu",
                Map.of("activer", "true"));
        assertThat(unknown.statusCode()).isEqualTo(302);
        assertThat(admin.get(base + "/admin/academies/rennes").body()).contains("Erreur : Le plugin « inconnu » n&#39;est pas chargé");
        assertThat(count("select count(*) from platform.tenant_plugin where plugin_id = 'inconnu'")).isZero();

        String journal = admin.get(base + "/admin/journal").body();
        assertThat(journal).contains("MESSAGE_ACCUEIL_MODIFIE", "PLUGIN_DESACTIVE", "PLUGIN_ACTIVE", "CONNEXION");
    }

    @Test
    void onlyNationalAdminsGetIn() {
        Browser anonymous = new Browser();
        HttpResponse<String> toLogin = anonymous.get(base + "/admin/");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("location")).hasValue("/admin/connexion");
        assertThat(anonymous.get(base + "/admin/connexion").body()).contains("Console nationale");

        Browser gestionnaire = new Browser();
        assertThat(gestionnaire.login(base, "rennes", "gest.rennes", "imagin-demo").statusCode()).isEqualTo(302);
        assertThat(gestionnaire.get(base + "/admin/").statusCode()).isEqualTo(403);
        assertThat(gestionnaire.get(base + "/admin/journal").statusCode()).isEqualTo(403);
        assertThat(gestionnaire.submit(base + "/rennes/", base + "/admin/academies/rennes/desactiver", Map.of()).statusCode())
                .isEqualTo(403);
        HttpResponse<String> wrongConsole = new Browser().submit(base + "/admin/connexion", base + "/admin/connexion",
                Map.of("login", "gest.rennes", "password", "imagin-demo"));
        assertThat(wrongConsole.statusCode()).isEqualTo(401);
        assertThat(wrongConsole.body()).contains("Identifiant ou mot de passe incorrect");

        // The académie's journal: its gestionnaires only.
        assertThat(gestionnaire.get(base + "/rennes/administration/journal").statusCode()).isEqualTo(200);
        assertThat(gestionnaire.get(base + "/toulouse/administration/journal").statusCode()).isEqualTo(403);
        String chef = platform.demoAccounts().stream().filter(a -> "rennes".equals(a.tenantCode()) && a.login().startsWith("ce."))
                .findFirst().orElseThrow().login();
        Browser chefBrowser = new Browser();
        assertThat(chefBrowser.login(base, "rennes", chef, "imagin-demo").statusCode()).isEqualTo(302);
        assertThat(chefBrowser.get(base + "/rennes/administration/journal").statusCode()).isEqualTo(403);
        assertThat(platform.routes().stream().anyMatch(r -> r.path().equals("/admin/journal"))).isTrue();
    }

    private static long count(String query) throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement select = conn.prepareStatement(query); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
