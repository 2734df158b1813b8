package fr.education.imagin.core.security.oidc;

import fr.education.imagin.Platform;
import fr.education.imagin.core.config.Setting;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.TestKeycloak;
import fr.education.imagin.testkit.TestPlatform;
import fr.education.imagin.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenID Connect end to end against a real Keycloak that the platform provisioned itself. */
class KeycloakLoginTest {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private static Platform platform;
    private static String base;
    private static Keycloak admin;

    @BeforeAll
    static void start() {
        String keycloak = TestKeycloak.url();
        Map<Setting, String> settings = TestPlatform.settings(TestPostgres.newDatabase());
        String port = settings.get(Setting.HTTP_PORT);
        settings.put(Setting.PUBLIC_URL, "http://127.0.0.1:" + port);
        settings.put(Setting.KEYCLOAK_URL, keycloak);
        settings.put(Setting.KEYCLOAK_ADMIN_USER, TestKeycloak.ADMIN);
        settings.put(Setting.KEYCLOAK_ADMIN_PASSWORD, TestKeycloak.ADMIN_PASSWORD);
        settings.put(Setting.KEYCLOAK_CLIENT_SECRET, "secret-of-the-tests");
        platform = TestPlatform.start(settings);
        base = TestPlatform.baseUrl(platform);
        admin = KeycloakBuilder.builder().serverUrl(keycloak).realm("master").clientId("admin-cli")
                .username(TestKeycloak.ADMIN).password(TestKeycloak.ADMIN_PASSWORD).build();
    }

    @AfterAll
    static void stop() {
        admin.close();
        platform.close();
    }

    @Test
    void everyTenantIsProvisionedInItsOwnRealm() {
        for (String tenant : new String[]{"rennes", "toulouse", "siec"}) {
            RealmResource realm = admin.realm("imagin-" + tenant);
            assertThat(realm.toRepresentation().isEnabled()).isTrue();
            ClientRepresentation client = realm.clients().findByClientId("imagin").get(0);
            assertThat(client.isPublicClient()).isFalse();
            assertThat(client.getRedirectUris()).containsExactly(base + "/" + tenant + "/oidc/callback");
            assertThat(client.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
            assertThat(realm.roles().list()).extracting(RoleRepresentation::getName)
                    .contains("GESTIONNAIRE", "CHEF_ETABLISSEMENT", "ENSEIGNANT").doesNotContain("NATIONAL_ADMIN");
            UserRepresentation gestionnaire = realm.users().searchByUsername("gest." + tenant, true).get(0);
            assertThat(realm.users().get(gestionnaire.getId()).roles().realmLevel().listEffective())
                    .extracting(RoleRepresentation::getName).contains("GESTIONNAIRE");
        }
        UserRepresentation chef = admin.realm("imagin-toulouse").users().searchByUsername("ce.0310038y", true).get(0);
        assertThat(chef.getAttributes()).containsEntry("uai", java.util.List.of("0310038Y"));
    }

    @Test
    void aChefDEtablissementSignsInThroughKeycloakAndOut() {
        Browser browser = new Browser();
        HttpResponse<String> toKeycloak = browser.get(base + "/toulouse/connexion");
        assertThat(toKeycloak.statusCode()).isEqualTo(302);
        String authorize = toKeycloak.headers().firstValue("location").orElseThrow();
        assertThat(authorize).startsWith(TestKeycloak.url() + "/realms/imagin-toulouse/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256", "state=", "client_id=imagin");

        HttpResponse<String> callback = signInAtKeycloak(browser, authorize, "ce.0310038y", "imagin-demo");
        assertThat(callback.statusCode()).isEqualTo(302);
        String callbackUrl = callback.headers().firstValue("location").orElseThrow();
        assertThat(callbackUrl).startsWith(base + "/toulouse/oidc/callback?");

        HttpResponse<String> signedIn = browser.get(callbackUrl);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("location")).hasValue("/toulouse/");
        HttpResponse<String> home = browser.get(base + "/toulouse/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Connecté en tant que", "0310038Y", "LYCEE POLYVALENT PIERRE-PAUL RIQUET");

        HttpResponse<String> out = browser.submit(base + "/toulouse/", base + "/toulouse/quitter", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("location").orElseThrow())
                .startsWith(TestKeycloak.url() + "/realms/imagin-toulouse/protocol/openid-connect/logout")
                .contains("id_token_hint=");
        assertThat(browser.get(base + "/toulouse/").statusCode()).isEqualTo(302);
    }

    @Test
    void aReplayedCallbackWithAForeignStateIsRefused() {
        Browser browser = new Browser();
        browser.get(base + "/rennes/connexion");
        HttpResponse<String> forged = browser.get(base + "/rennes/oidc/callback?code=abc&state=forged");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("La connexion a expiré ou n&#39;est pas valide");
        assertThat(browser.get(base + "/rennes/").statusCode()).isEqualTo(302);
    }

    @Test
    void anAcademyCreatedInTheConsoleGetsItsRealmAndFirstGestionnaire() {
        Browser console = new Browser();
        HttpResponse<String> signedIn = console.submit(base + "/admin/connexion", base + "/admin/connexion",
                Map.of("login", "admin", "password", "imagin-demo"));
        assertThat(signedIn.statusCode()).as("national admin, platform account even with Keycloak").isEqualTo(302);
        HttpResponse<String> created = console.submit(base + "/admin/academies/nouvelle", base + "/admin/academies", Map.of(
                "code", "orleans-tours", "nom", "ACADEMIE D'ORLEANS-TOURS", "contact", "dec@ac-orleans-tours.fr",
                "accueil", "", "gestionnaire", "gest.orleans-tours", "motDePasse", "mot-de-passe-initial"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);

        RealmResource realm = admin.realm("imagin-orleans-tours");
        assertThat(realm.toRepresentation().isEnabled()).isTrue();
        assertThat(realm.clients().findByClientId("imagin").get(0).getRedirectUris())
                .containsExactly(base + "/orleans-tours/oidc/callback");
        UserRepresentation gestionnaire = realm.users().searchByUsername("gest.orleans-tours", true).get(0);
        assertThat(realm.users().get(gestionnaire.getId()).roles().realmLevel().listEffective())
                .extracting(RoleRepresentation::getName).contains("GESTIONNAIRE");

        HttpResponse<String> toKeycloak = new Browser().get(base + "/orleans-tours/connexion");
        assertThat(toKeycloak.statusCode()).isEqualTo(302);
        assertThat(toKeycloak.headers().firstValue("location").orElseThrow())
                .startsWith(TestKeycloak.url() + "/realms/imagin-orleans-tours/protocol/openid-connect/auth");
    }

    /** Fills Keycloak's login form as a person would; returns Keycloak's redirect back to the platform. */
    private static HttpResponse<String> signInAtKeycloak(Browser browser, String authorizeUrl, String user, String password) {
        HttpResponse<String> page = browser.get(authorizeUrl);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher form = LOGIN_FORM.matcher(page.body());
        assertThat(form.find()).as("Keycloak login form").isTrue();
        String action = form.group(1).replace("&amp;", "&");
        return browser.post(action, Map.of("username", user, "password", password, "credentialId", ""));
    }
}
