package fr.education.imagin.core.security.oidc;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.KeycloakPlatform;
import fr.education.imagin.testkit.TestKeycloak;
import org.junit.jupiter.api.Test;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenID Connect end to end against a real Keycloak that the platform provisioned itself. */
class KeycloakLoginTest {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final String base = KeycloakPlatform.baseUrl();
    private final Keycloak admin = KeycloakPlatform.admin();

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
    void realmsSpeakFrenchUnderTheAcademysNameAndFollowThePlatformsLockoutPolicy() {
        RealmRepresentation realm = admin.realm("imagin-toulouse").toRepresentation();
        assertThat(realm.getDisplayName()).isEqualTo("ACADEMIE DE TOULOUSE");
        assertThat(realm.isInternationalizationEnabled()).isTrue();
        assertThat(realm.getSupportedLocales()).containsExactly("fr");
        assertThat(realm.getDefaultLocale()).isEqualTo("fr");
        assertThat(realm.isBruteForceProtected()).isTrue();
        assertThat(realm.isPermanentLockout()).isFalse();
        assertThat(realm.getFailureFactor()).isEqualTo(5);
        assertThat(realm.getMaxFailureWaitSeconds()).as("never longer than the platform's slow-down").isEqualTo(30);
        assertThat(realm.getMaxDeltaTimeSeconds()).isEqualTo(15 * 60);
        assertThat(realm.isEventsEnabled()).isTrue();
        assertThat(realm.getEnabledEventTypes()).containsExactly("LOGIN_ERROR");
        // Only signing keys are published: Vert.x reads them all and cannot use an RSA-OAEP one.
        HttpResponse<String> keys = new Browser().get(TestKeycloak.url() + "/realms/imagin-toulouse/protocol/openid-connect/certs");
        assertThat(new JsonObject(keys.body()).getJsonArray("keys")).isNotEmpty()
                .allSatisfy(key -> assertThat(((JsonObject) key).getString("use")).isEqualTo("sig"));
    }

    @Test
    void keycloaksPagesAreInFrenchAndItsRefusalsReachTheAcademysJournal() throws Exception {
        Browser browser = new Browser();
        String authorize = browser.get(base + "/toulouse/connexion").headers().firstValue("location").orElseThrow();
        HttpResponse<String> page = browser.get(authorize);
        assertThat(page.body()).contains("lang=\"fr\"", "ACADEMIE DE TOULOUSE", "Se connecter").doesNotContain("Sign in");

        HttpResponse<String> refused = signInAtKeycloak(browser, authorize, "gest.toulouse", "not-the-password");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("mot de passe invalide");

        List<String> journal = awaitRefusals("gest.toulouse", 1);
        assertThat(journal).anySatisfy(line -> assertThat(line).contains("toulouse", "Keycloak : mot de passe erroné"));
    }

    @Test
    void fiveFailuresThenTheRightPasswordIsStillRefusedAndEachRefusalIsJournaled() throws Exception {
        RealmResource realm = admin.realm("imagin-toulouse");
        String login = "verrou.toulouse";
        createUser(realm, login, "le-bon-mot-de-passe", "ENSEIGNANT");
        Browser browser = new Browser();
        for (int attempt = 1; attempt <= 5; attempt++) {
            String authorize = browser.get(base + "/toulouse/connexion").headers().firstValue("location").orElseThrow();
            assertThat(signInAtKeycloak(browser, authorize, login, "faux-" + attempt).statusCode()).isEqualTo(200);
        }
        String authorize = browser.get(base + "/toulouse/connexion").headers().firstValue("location").orElseThrow();
        HttpResponse<String> rightPassword = signInAtKeycloak(browser, authorize, login, "le-bon-mot-de-passe");
        assertThat(rightPassword.statusCode()).as("no way back to the platform while locked").isEqualTo(200);
        assertThat(rightPassword.body()).contains("kc-form-login");

        List<String> journal = awaitRefusals(login, 6);
        assertThat(journal).hasSizeGreaterThanOrEqualTo(6)
                .anySatisfy(line -> assertThat(line).contains("trop d'échecs"));
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
        assertThat(gestionnaire.getRequiredActions()).as("chooses their own password at the first sign-in")
                .contains("UPDATE_PASSWORD");
        String academy = console.get(base + created.headers().firstValue("location").orElseThrow()).body();
        assertThat(academy).contains("est créée et ouverte", "royaume Keycloak imagin-orleans-tours",
                "premier gestionnaire « gest.orleans-tours »", "mot de passe provisoire");
        assertThat(realm.toRepresentation().getDefaultLocale()).isEqualTo("fr");

        HttpResponse<String> toKeycloak = new Browser().get(base + "/orleans-tours/connexion");
        assertThat(toKeycloak.statusCode()).isEqualTo(302);
        assertThat(toKeycloak.headers().firstValue("location").orElseThrow())
                .startsWith(TestKeycloak.url() + "/realms/imagin-orleans-tours/protocol/openid-connect/auth");
    }

    /** The académie's CONNEXION_REFUSEE entries for {@code login}, once at least {@code count} are there (Keycloak's are copied every 10 s). */
    private static List<String> awaitRefusals(String login, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        List<String> lines = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            lines.clear();
            try (Connection conn = KeycloakPlatform.jdbc(); PreparedStatement query = conn.prepareStatement(
                    "select tenant_code, detail, address from platform.audit where actor = ? and action = 'CONNEXION_REFUSEE'")) {
                query.setString(1, login);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString(1) + " | " + rows.getString(2) + " | " + rows.getString(3));
                    }
                }
            }
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(1000);
        }
        return lines;
    }

    static void createUser(RealmResource realm, String login, String password, String role) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(login);
        user.setFirstName("Test");
        user.setLastName(login);
        user.setEmail(login + "@imagin.invalid");
        user.setEmailVerified(true);
        user.setEnabled(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response created = realm.users().create(user)) {
            assertThat(created.getStatus()).isEqualTo(201);
            if (role != null) {
                String id = CreatedResponseUtil.getCreatedId(created);
                realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get(role).toRepresentation()));
            }
        }
    }

    /** Fills Keycloak's login form as a person would; returns Keycloak's redirect back to the platform. */
    static HttpResponse<String> signInAtKeycloak(Browser browser, String authorizeUrl, String user, String password) {
        HttpResponse<String> page = browser.get(authorizeUrl);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher form = LOGIN_FORM.matcher(page.body());
        assertThat(form.find()).as("Keycloak login form").isTrue();
        String action = form.group(1).replace("&amp;", "&");
        return browser.post(action, Map.of("username", user, "password", password, "credentialId", ""));
    }
}
