package fr.education.imagin.core.security.oidc;

import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.security.Role;
import fr.education.imagin.core.tenant.Tenant;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Provisions what an académie needs in Keycloak through the admin client: its realm
 * {@code imagin-<code>}, the platform's roles, the confidential client {@code imagin} (PKCE S256,
 * audience and UAI mappers) and accounts. Idempotent: what exists is left as it is. Blocking
 * (JAX-RS): call it off the event loop.
 */
public final class KeycloakProvisioner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakProvisioner.class);
    /** Roles a tenant realm may grant; national admins are platform accounts, never realm roles. */
    static final List<Role> REALM_ROLES = List.of(Role.GESTIONNAIRE, Role.CHEF_ETABLISSEMENT, Role.ENSEIGNANT);

    private final PlatformConfig.Keycloak config;
    private final String publicUrl;
    private final Keycloak admin;

    public KeycloakProvisioner(PlatformConfig.Keycloak config, String publicUrl) {
        this.config = config;
        this.publicUrl = publicUrl;
        this.admin = KeycloakBuilder.builder().serverUrl(config.url()).realm("master").clientId("admin-cli")
                .username(config.adminUser()).password(config.adminPassword()).build();
    }

    /** Creates the tenant's realm, roles and client unless the realm exists; returns whether it was new. */
    public boolean provisionTenant(Tenant tenant) {
        String name = config.realm(tenant.code());
        if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(name))) {
            return false;
        }
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setDisplayName(tenant.nom());
        realm.setEnabled(true);
        realm.setBruteForceProtected(true);
        admin.realms().create(realm);
        RealmResource created = admin.realm(name);

        // Users carry the UAIs they act for in the attribute "uai" (not in the default profile).
        UPConfig profile = created.users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        created.users().userProfile().update(profile);

        for (Role role : REALM_ROLES) {
            created.roles().create(new RoleRepresentation(role.name(), role.libelle(), false));
        }
        created.clients().create(client(tenant));
        LOG.atInfo().addKeyValue("tenant", tenant.code()).addKeyValue("realm", name).log("Keycloak realm provisioned");
        return true;
    }

    private ClientRepresentation client(Tenant tenant) {
        String base = publicUrl + "/" + tenant.code();
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(PlatformConfig.Keycloak.CLIENT_ID);
        client.setName("IMAG'IN");
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setSecret(config.clientSecret());
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setRedirectUris(List.of(base + "/oidc/callback"));
        client.setWebOrigins(List.of(publicUrl));
        client.setAttributes(Map.of(
                "pkce.code.challenge.method", "S256",
                "post.logout.redirect.uris", base + "/connexion"));
        client.setProtocolMappers(List.of(audienceMapper(), uaiMapper()));
        return client;
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

    /** Creates the account in the tenant's realm unless the username exists; returns whether it was new. */
    public boolean createUser(Tenant tenant, String username, String password, String firstName, String lastName,
                              Role role, List<String> uais) {
        if (!REALM_ROLES.contains(role)) {
            throw new IllegalArgumentException(role + " is not granted by an académie's realm");
        }
        RealmResource realm = admin.realm(config.realm(tenant.code()));
        if (!realm.users().searchByUsername(username, true).isEmpty()) {
            return false;
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(username + "@" + tenant.code() + ".imagin.invalid");
        user.setEmailVerified(true);
        user.setEnabled(true);
        if (!uais.isEmpty()) {
            user.setAttributes(Map.of("uai", uais));
        }
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response response = realm.users().create(user)) {
            String id = CreatedResponseUtil.getCreatedId(response);
            realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get(role.name()).toRepresentation()));
        }
        return true;
    }

    @Override
    public void close() {
        admin.close();
    }
}
