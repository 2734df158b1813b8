package fr.education.imagin.core.security.oidc;

import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.security.Role;
import fr.education.imagin.core.tenant.Tenant;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings what an académie needs in Keycloak to the configured state through the admin client:
 * its realm {@code imagin-<code>} ({@link RealmSettings}), the platform's roles, the confidential
 * client {@code imagin} ({@link ClientSettings}), the user profile that carries UAIs, and accounts.
 * Convergent: run at every start and when an académie is created or re-enabled, it creates what
 * is missing, corrects what drifted (a new client secret, a new public URL...) and logs each
 * change; a realm already right is read and left alone. Blocking (JAX-RS): call it off the event loop.
 */
public final class KeycloakProvisioner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakProvisioner.class);
    /** Roles a tenant realm may grant; national admins are platform accounts, never realm roles. */
    static final List<Role> REALM_ROLES = List.of(Role.GESTIONNAIRE, Role.CHEF_ETABLISSEMENT, Role.ENSEIGNANT);
    /**
     * Keycloak's default encryption key (RSA-OAEP): the platform neither encrypts nor decrypts
     * tokens, and Vert.x, which reads every published key, cannot use it.
     */
    static final String ENCRYPTION_KEY_PROVIDER = "rsa-enc-generated";

    private final PlatformConfig.Keycloak config;
    private final String publicUrl;
    private final Keycloak admin;

    public KeycloakProvisioner(PlatformConfig.Keycloak config, String publicUrl) {
        this.config = config;
        this.publicUrl = publicUrl;
        this.admin = KeycloakBuilder.builder().serverUrl(config.url()).realm("master").clientId("admin-cli")
                .username(config.adminUser()).password(config.adminPassword()).build();
    }

    /**
     * Creates or corrects the tenant's realm, roles, client and user profile; returns what it
     * changed, in words for the log and the console (empty: the realm was already right).
     */
    public List<String> reconcile(Tenant tenant) {
        String name = config.realm(tenant.code());
        List<String> changes = new ArrayList<>();
        if (admin.realms().findAll().stream().noneMatch(r -> r.getRealm().equals(name))) {
            admin.realms().create(RealmSettings.desired(name, tenant));
            changes.add("royaume créé");
        } else {
            RealmRepresentation current = admin.realm(name).toRepresentation();
            List<String> drift = RealmSettings.drift(current, tenant);
            if (!drift.isEmpty()) {
                RealmSettings.correct(current, tenant);
                admin.realm(name).update(current);
                changes.add("royaume corrigé " + drift);
            }
        }
        RealmResource realm = admin.realm(name);
        reconcileProfile(realm, changes);
        reconcileRoles(realm, changes);
        reconcileClient(realm, tenant, changes);
        reconcileKeys(realm, changes);
        if (!changes.isEmpty()) {
            LOG.atInfo().addKeyValue("tenant", tenant.code()).addKeyValue("realm", name)
                    .addKeyValue("changes", String.join("; ", changes)).log("Keycloak realm reconciled");
        }
        return changes;
    }

    /** Users carry the UAIs they act for in the attribute "uai" (not in the default profile). */
    private static void reconcileProfile(RealmResource realm, List<String> changes) {
        UPConfig profile = realm.users().userProfile().getConfiguration();
        if (profile.getUnmanagedAttributePolicy() != UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT) {
            profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
            realm.users().userProfile().update(profile);
            changes.add("attribut uai autorisé");
        }
    }

    private static void reconcileRoles(RealmResource realm, List<String> changes) {
        Set<String> present = realm.roles().list().stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
        for (Role role : REALM_ROLES) {
            if (!present.contains(role.name())) {
                realm.roles().create(new RoleRepresentation(role.name(), role.libelle(), false));
                changes.add("rôle " + role.name() + " créé");
            }
        }
    }

    private void reconcileClient(RealmResource realm, Tenant tenant, List<String> changes) {
        ClientSettings desired = new ClientSettings(publicUrl, tenant.code(), config.clientSecret());
        List<ClientRepresentation> found = realm.clients().findByClientId(PlatformConfig.Keycloak.CLIENT_ID);
        if (found.isEmpty()) {
            realm.clients().create(desired.desired()).close();
            changes.add("client " + PlatformConfig.Keycloak.CLIENT_ID + " créé");
            return;
        }
        ClientRepresentation current = found.get(0);
        ClientResource client = realm.clients().get(current.getId());
        List<String> drift = desired.drift(current);
        if (!drift.isEmpty()) {
            desired.correct(current);
            client.update(current);
            changes.add("client corrigé " + drift);
        }
        if (desired.secretDiffers(client.getSecret().getValue())) {
            ClientRepresentation withSecret = client.toRepresentation();
            withSecret.setSecret(desired.secret());
            client.update(withSecret);
            changes.add("secret du client remplacé");
        }
        List<ProtocolMapperRepresentation> mappers = client.getProtocolMappers().getMappers();
        for (ProtocolMapperRepresentation wanted : ClientSettings.mappers()) {
            Optional<ProtocolMapperRepresentation> existing = mappers.stream()
                    .filter(m -> wanted.getName().equals(m.getName())).findFirst();
            if (existing.isEmpty()) {
                client.getProtocolMappers().createMapper(wanted).close();
                changes.add("mappeur " + wanted.getName() + " créé");
            } else if (!ClientSettings.sameMapper(existing.get(), wanted)) {
                ProtocolMapperRepresentation corrected = existing.get();
                corrected.setProtocolMapper(wanted.getProtocolMapper());
                Map<String, String> config = new HashMap<>(corrected.getConfig() == null ? Map.of() : corrected.getConfig());
                config.putAll(wanted.getConfig());
                corrected.setConfig(config);
                client.getProtocolMappers().update(corrected.getId(), corrected);
                changes.add("mappeur " + wanted.getName() + " corrigé");
            }
        }
    }

    private static void reconcileKeys(RealmResource realm, List<String> changes) {
        String realmId = realm.toRepresentation().getId();
        for (ComponentRepresentation key : realm.components().query(realmId, "org.keycloak.keys.KeyProvider")) {
            if (ENCRYPTION_KEY_PROVIDER.equals(key.getProviderId())) {
                realm.components().removeComponent(key.getId());
                changes.add("clé de chiffrement " + key.getName() + " retirée");
            }
        }
    }

    /**
     * Creates the account in the tenant's realm unless the username exists; returns whether it was
     * new. A {@code temporaryPassword} must be changed at the first sign-in (Keycloak's required
     * action), so the person who created the account does not keep knowing it.
     */
    public boolean createUser(Tenant tenant, String username, String password, String firstName, String lastName,
                              Role role, List<String> uais, boolean temporaryPassword) {
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
        credential.setTemporary(temporaryPassword);
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
