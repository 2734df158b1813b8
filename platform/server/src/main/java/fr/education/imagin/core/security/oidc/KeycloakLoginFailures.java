package fr.education.imagin.core.security.oidc;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.EventRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * With Keycloak the platform never sees a wrong password: Keycloak does. Every member copies the
 * refused logins each realm records ({@link RealmSettings} enables them) into the académie's audit
 * trail, so the journal shows refusals whichever login is in use. The event id makes each copy
 * count once, whichever member copies it first.
 */
public final class KeycloakLoginFailures extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakLoginFailures.class);
    /** Per realm and poll; older events of a burst are read at the next poll, if still kept. */
    private static final int PAGE = 200;
    private static final Map<String, String> REASONS = Map.of(
            "invalid_user_credentials", "mot de passe erroné",
            "user_not_found", "identifiant inconnu",
            "user_temporarily_disabled", "trop d'échecs : tentative refusée sans vérifier le mot de passe",
            "user_disabled", "compte désactivé");

    private final PlatformConfig.Keycloak config;
    private final TenantRegistry registry;
    private final AuditTrail audit;
    private final Duration every;
    private Keycloak admin;
    private long timer;
    private Future<Integer> running = Future.succeededFuture(0);

    public KeycloakLoginFailures(PlatformConfig.Keycloak config, TenantRegistry registry, AuditTrail audit, Duration every) {
        this.config = config;
        this.registry = registry;
        this.audit = audit;
        this.every = every;
    }

    @Override
    public Future<?> start() {
        admin = KeycloakBuilder.builder().serverUrl(config.url()).realm("master").clientId("admin-cli")
                .username(config.adminUser()).password(config.adminPassword()).build();
        timer = vertx.setPeriodic(every.toMillis(), id -> copyNow());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return running.otherwiseEmpty().andThen(done -> admin.close());
    }

    /** Copies what every realm recorded since; returns how many entries were new. One run at a time. */
    public Future<Integer> copyNow() {
        if (!running.isComplete()) {
            return running;
        }
        Future<Integer> chain = Future.succeededFuture(0);
        for (Tenant tenant : registry.all().values()) {
            chain = chain.compose(total -> copy(tenant).map(copied -> total + copied)
                    // Keycloak down or a realm missing: the journal catches up at a later poll.
                    .recover(e -> {
                        LOG.atDebug().addKeyValue("tenant", tenant.code()).addKeyValue("reason", e.getMessage())
                                .log("Keycloak login events not read");
                        return Future.succeededFuture(0);
                    }));
        }
        running = chain;
        return chain;
    }

    private Future<Integer> copy(Tenant tenant) {
        String realm = config.realm(tenant.code());
        return vertx.executeBlocking(() -> admin.realm(realm).getEvents(List.of(RealmSettings.LOGIN_ERROR), null, null,
                        null, null, null, 0, PAGE), false)
                .compose(events -> {
                    Future<Integer> chain = Future.succeededFuture(0);
                    for (EventRepresentation event : events) {
                        chain = chain.compose(total -> audit.recordOnce(entry(tenant, event),
                                        OffsetDateTime.ofInstant(Instant.ofEpochMilli(event.getTime()), ZoneOffset.UTC),
                                        "keycloak:" + event.getId())
                                .map(added -> added ? total + 1 : total));
                    }
                    return chain;
                });
    }

    static AuditTrail.Entry entry(Tenant tenant, EventRepresentation event) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        String login = details.getOrDefault("username", event.getUserId() == null ? "(inconnu)" : event.getUserId());
        String reason = REASONS.getOrDefault(event.getError(), event.getError());
        return new AuditTrail.Entry(tenant.code(), login, "CONNEXION_REFUSEE", "Keycloak : " + reason, event.getIpAddress());
    }
}
