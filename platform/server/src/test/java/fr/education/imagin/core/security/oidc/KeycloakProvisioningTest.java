package fr.education.imagin.core.security.oidc;

import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.KeycloakPlatform;
import fr.education.imagin.testkit.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provisioning converges: whatever happened to a realm (a new client secret in the configuration,
 * a new public URL, settings changed by hand in Keycloak's console), reconciling brings it back to
 * the configured state, says what it changed, and then changes nothing.
 */
class KeycloakProvisioningTest {

    private static final Tenant RENNES = new Tenant("rennes", "ACADEMIE DE RENNES", "dec@ac-rennes.fr", "", true);

    private final String base = KeycloakPlatform.baseUrl();
    private final Keycloak admin = KeycloakPlatform.admin();

    @Test
    void aRealmChangedByHandIsBroughtBackAndThenLeftAlone() {
        RealmResource realm = admin.realm("imagin-rennes");
        RealmRepresentation settings = realm.toRepresentation();
        settings.setSupportedLocales(Set.of("en"));
        settings.setDefaultLocale("en");
        settings.setFailureFactor(30);
        settings.setEnabledEventTypes(List.of("LOGIN"));
        realm.update(settings);
        ClientResource client = client(realm);
        ClientRepresentation changed = client.toRepresentation();
        changed.setRedirectUris(List.of("https://elsewhere.invalid/*"));
        client.update(changed);
        client.generateNewSecret();
        ProtocolMapperRepresentation uai = client.getProtocolMappers().getMappers().stream()
                .filter(m -> "uai".equals(m.getName())).findFirst().orElseThrow();
        client.getProtocolMappers().delete(uai.getId());

        List<String> changes = reconcile(KeycloakPlatform.CLIENT_SECRET, KeycloakPlatform.publicUrl());
        assertThat(String.join("; ", changes)).contains("supportedLocales", "defaultLocale", "failureFactor",
                "enabledEventTypes", "redirectUris", "secret du client remplacé", "mappeur uai créé");
        assertThat(reconcile(KeycloakPlatform.CLIENT_SECRET, KeycloakPlatform.publicUrl()))
                .as("a realm already right is left alone").isEmpty();

        RealmRepresentation after = realm.toRepresentation();
        assertThat(after.getDefaultLocale()).isEqualTo("fr");
        assertThat(after.getFailureFactor()).isEqualTo(5);
        assertThat(client.toRepresentation().getRedirectUris()).containsExactly(base + "/rennes/oidc/callback");
        assertThat(client.getSecret().getValue()).isEqualTo(KeycloakPlatform.CLIENT_SECRET);
        assertThat(signsIn()).as("the platform's logins work again").isTrue();
    }

    @Test
    void aNewClientSecretInTheConfigurationReachesTheRealm() {
        RealmResource realm = admin.realm("imagin-rennes");
        try {
            assertThat(reconcile("a-rotated-secret", KeycloakPlatform.publicUrl())).containsExactly("secret du client remplacé");
            assertThat(client(realm).getSecret().getValue()).isEqualTo("a-rotated-secret");
            assertThat(signsIn()).as("the running platform still holds the old secret").isFalse();
        } finally {
            reconcile(KeycloakPlatform.CLIENT_SECRET, KeycloakPlatform.publicUrl());
        }
        assertThat(signsIn()).isTrue();
    }

    @Test
    void reEnablingAnAcademyInTheConsoleReconcilesItsRealm() {
        RealmResource realm = admin.realm("imagin-siec");
        RealmRepresentation settings = realm.toRepresentation();
        settings.setDefaultLocale("en");
        settings.setSupportedLocales(Set.of("en", "fr"));
        realm.update(settings);

        Browser console = new Browser();
        assertThat(console.submit(base + "/admin/connexion", base + "/admin/connexion",
                Map.of("login", "admin", "password", "imagin-demo")).statusCode()).isEqualTo(302);
        assertThat(console.submit(base + "/admin/", base + "/admin/academies/siec/desactiver", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(console.submit(base + "/admin/", base + "/admin/academies/siec/reactiver", Map.of()).statusCode())
                .isEqualTo(302);

        RealmRepresentation after = realm.toRepresentation();
        assertThat(after.getDefaultLocale()).isEqualTo("fr");
        assertThat(after.getSupportedLocales()).containsExactly("fr");
    }

    private static List<String> reconcile(String secret, String publicUrl) {
        PlatformConfig.Keycloak config = new PlatformConfig.Keycloak(TestKeycloak.url(), TestKeycloak.ADMIN,
                TestKeycloak.ADMIN_PASSWORD, secret);
        try (KeycloakProvisioner provisioner = new KeycloakProvisioner(config, publicUrl)) {
            return provisioner.reconcile(RENNES);
        }
    }

    private static ClientResource client(RealmResource realm) {
        return realm.clients().get(realm.clients().findByClientId("imagin").get(0).getId());
    }

    /** The gestionnaire of Rennes through Keycloak's form and back: true when the platform opened a session. */
    private boolean signsIn() {
        Browser browser = new Browser();
        String authorize = browser.get(base + "/rennes/connexion").headers().firstValue("location").orElseThrow();
        HttpResponse<String> back = KeycloakLoginTest.signInAtKeycloak(browser, authorize, "gest.rennes", "imagin-demo");
        String callback = back.headers().firstValue("location").orElseThrow();
        HttpResponse<String> signedIn = browser.get(callback);
        return signedIn.statusCode() == 302 && "/rennes/".equals(signedIn.headers().firstValue("location").orElse(""));
    }
}
