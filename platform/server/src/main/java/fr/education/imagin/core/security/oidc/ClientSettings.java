package fr.education.imagin.core.security.oidc;

import fr.education.imagin.core.config.PlatformConfig;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What the confidential client {@code imagin} of an académie's realm must say: the configured
 * secret, the platform's public URLs, PKCE S256, and the two mappers the session model reads.
 */
final class ClientSettings {

    private record Setting<T>(String name, Function<ClientRepresentation, T> read,
                              BiConsumer<ClientRepresentation, T> write, T desired) {

        boolean differs(ClientRepresentation current) {
            return !RealmSettings.same(read.apply(current), desired);
        }

        void apply(ClientRepresentation target) {
            write.accept(target, desired);
        }
    }

    private final String secret;
    private final List<Setting<?>> settings;
    private final Map<String, String> attributes;

    ClientSettings(String publicUrl, String tenantCode, String secret) {
        String base = publicUrl + "/" + tenantCode;
        this.secret = secret;
        // After logout Keycloak sends the person back to the académie's login.
        this.attributes = Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", base + "/connexion");
        this.settings = List.of(
                new Setting<>("name", ClientRepresentation::getName, ClientRepresentation::setName, "IMAG'IN"),
                new Setting<>("protocol", ClientRepresentation::getProtocol, ClientRepresentation::setProtocol, "openid-connect"),
                new Setting<>("enabled", ClientRepresentation::isEnabled, ClientRepresentation::setEnabled, true),
                new Setting<>("publicClient", ClientRepresentation::isPublicClient, ClientRepresentation::setPublicClient, false),
                new Setting<>("standardFlowEnabled", ClientRepresentation::isStandardFlowEnabled,
                        ClientRepresentation::setStandardFlowEnabled, true),
                new Setting<>("directAccessGrantsEnabled", ClientRepresentation::isDirectAccessGrantsEnabled,
                        ClientRepresentation::setDirectAccessGrantsEnabled, false),
                new Setting<>("implicitFlowEnabled", ClientRepresentation::isImplicitFlowEnabled,
                        ClientRepresentation::setImplicitFlowEnabled, false),
                new Setting<>("redirectUris", ClientRepresentation::getRedirectUris, ClientRepresentation::setRedirectUris,
                        List.of(base + "/oidc/callback")),
                new Setting<>("webOrigins", ClientRepresentation::getWebOrigins, ClientRepresentation::setWebOrigins,
                        List.of(publicUrl)));
    }

    /** The whole desired client, for a creation. */
    ClientRepresentation desired() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(PlatformConfig.Keycloak.CLIENT_ID);
        client.setSecret(secret);
        settings.forEach(setting -> setting.apply(client));
        client.setAttributes(new HashMap<>(attributes));
        client.setProtocolMappers(mappers());
        return client;
    }

    /** Names of the client settings {@code current} gets wrong (its secret apart: read separately). */
    List<String> drift(ClientRepresentation current) {
        List<String> names = new ArrayList<>();
        settings.stream().filter(setting -> setting.differs(current)).forEach(setting -> names.add(setting.name()));
        Map<String, String> currentAttributes = current.getAttributes() == null ? Map.of() : current.getAttributes();
        attributes.forEach((key, value) -> {
            if (!value.equals(currentAttributes.get(key))) {
                names.add(key);
            }
        });
        return names;
    }

    /** Writes every desired setting into {@code current}, keeping the attributes Keycloak added. */
    void correct(ClientRepresentation current) {
        settings.forEach(setting -> setting.apply(current));
        Map<String, String> merged = current.getAttributes() == null ? new HashMap<>() : new HashMap<>(current.getAttributes());
        merged.putAll(attributes);
        current.setAttributes(merged);
    }

    boolean secretDiffers(String currentSecret) {
        return !secret.equals(currentSecret);
    }

    String secret() {
        return secret;
    }

    /** The mappers by name: what a realm must hold, each with its configuration. */
    static List<ProtocolMapperRepresentation> mappers() {
        return List.of(audienceMapper(), uaiMapper());
    }

    /** Keycloak adds settings of its own to a mapper's configuration (introspection...): those may stay. */
    static boolean sameMapper(ProtocolMapperRepresentation current, ProtocolMapperRepresentation desired) {
        return Objects.equals(current.getProtocolMapper(), desired.getProtocolMapper()) && current.getConfig() != null
                && current.getConfig().entrySet().containsAll(desired.getConfig().entrySet());
    }

    /** Without it the access token's audience is "account" and Vert.x drops the token. */
    private static ProtocolMapperRepresentation audienceMapper() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("audience-imagin");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of("included.client.audience", PlatformConfig.Keycloak.CLIENT_ID,
                "access.token.claim", "true", "id.token.claim", "false"));
        return mapper;
    }

    /** The UAIs a person acts for, from the user attribute "uai". */
    private static ProtocolMapperRepresentation uaiMapper() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("uai");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-usermodel-attribute-mapper");
        mapper.setConfig(Map.of("user.attribute", "uai", "claim.name", "uai", "multivalued", "true",
                "jsonType.label", "String", "access.token.claim", "true", "id.token.claim", "true",
                "userinfo.token.claim", "true"));
        return mapper;
    }
}
