package fr.education.imagin.core.security.oidc;

import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.providers.KeycloakAuth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One OpenID Connect provider per académie (its Keycloak realm), discovered on first use. */
public final class OidcProviders {

    private final Vertx vertx;
    private final PlatformConfig.Keycloak config;
    private final Map<String, Future<OAuth2Auth>> byTenant = new ConcurrentHashMap<>();

    public OidcProviders(Vertx vertx, PlatformConfig.Keycloak config) {
        this.vertx = vertx;
        this.config = config;
    }

    public Future<OAuth2Auth> forTenant(Tenant tenant) {
        Future<OAuth2Auth> provider = byTenant.computeIfAbsent(tenant.code(), code -> KeycloakAuth.discover(vertx,
                new OAuth2Options()
                        .setClientId(PlatformConfig.Keycloak.CLIENT_ID)
                        .setClientSecret(config.clientSecret())
                        .setSite(realmUrl(tenant))));
        // A failed discovery (Keycloak down) is retried by the next login, not cached.
        return provider.onFailure(e -> byTenant.remove(tenant.code(), provider));
    }

    public String realmUrl(Tenant tenant) {
        return config.url() + "/realms/" + config.realm(tenant.code());
    }
}
