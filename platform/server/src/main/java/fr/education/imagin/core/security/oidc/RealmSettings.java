package fr.education.imagin.core.security.oidc;

import fr.education.imagin.core.security.LoginThrottle;
import fr.education.imagin.core.tenant.Tenant;
import org.keycloak.representations.idm.RealmRepresentation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What an académie's realm must say, whatever it said before: French pages under the académie's
 * name, the platform's lockout policy and the login failures kept for the audit trail. The
 * provisioner writes the settings that differ, and only those, at every start.
 */
final class RealmSettings {

    /** The realm keeps refused logins long enough for the poller to copy them, and no longer. */
    static final Duration EVENTS_KEPT = Duration.ofDays(7);
    static final String LOGIN_ERROR = "LOGIN_ERROR";

    private record Setting<T>(String name, Function<RealmRepresentation, T> read, BiConsumer<RealmRepresentation, T> write,
                              Function<Tenant, T> desired) {

        boolean differs(RealmRepresentation current, Tenant tenant) {
            return !same(read.apply(current), desired.apply(tenant));
        }

        void apply(RealmRepresentation target, Tenant tenant) {
            write.accept(target, desired.apply(tenant));
        }
    }

    /*
     * Keycloak counts failures per account only (it cannot lock an address out of one account as
     * the platform does). The closest policy that still never locks a chef d'établissement out at
     * someone else's will: after 5 failures within 15 minutes, one attempt every 30 seconds; two
     * failures within a second (a script) also wait 30 seconds; never a permanent lockout.
     */
    private static final List<Setting<?>> SETTINGS = List.of(
            new Setting<>("enabled", RealmRepresentation::isEnabled, RealmRepresentation::setEnabled, t -> true),
            new Setting<>("displayName", RealmRepresentation::getDisplayName, RealmRepresentation::setDisplayName, Tenant::nom),
            new Setting<>("internationalizationEnabled", RealmRepresentation::isInternationalizationEnabled,
                    RealmRepresentation::setInternationalizationEnabled, t -> true),
            new Setting<>("supportedLocales", RealmRepresentation::getSupportedLocales, RealmRepresentation::setSupportedLocales,
                    t -> Set.of("fr")),
            new Setting<>("defaultLocale", RealmRepresentation::getDefaultLocale, RealmRepresentation::setDefaultLocale, t -> "fr"),
            new Setting<>("bruteForceProtected", RealmRepresentation::isBruteForceProtected,
                    RealmRepresentation::setBruteForceProtected, t -> true),
            new Setting<>("permanentLockout", RealmRepresentation::isPermanentLockout, RealmRepresentation::setPermanentLockout,
                    t -> false),
            new Setting<>("failureFactor", RealmRepresentation::getFailureFactor, RealmRepresentation::setFailureFactor,
                    t -> LoginThrottle.MAX_FAILURES_PER_PAIR),
            new Setting<>("waitIncrementSeconds", RealmRepresentation::getWaitIncrementSeconds,
                    RealmRepresentation::setWaitIncrementSeconds, t -> seconds(LoginThrottle.SLOW_DOWN)),
            new Setting<>("maxFailureWaitSeconds", RealmRepresentation::getMaxFailureWaitSeconds,
                    RealmRepresentation::setMaxFailureWaitSeconds, t -> seconds(LoginThrottle.SLOW_DOWN)),
            new Setting<>("maxDeltaTimeSeconds", RealmRepresentation::getMaxDeltaTimeSeconds,
                    RealmRepresentation::setMaxDeltaTimeSeconds, t -> seconds(LoginThrottle.WINDOW)),
            new Setting<>("quickLoginCheckMilliSeconds", RealmRepresentation::getQuickLoginCheckMilliSeconds,
                    RealmRepresentation::setQuickLoginCheckMilliSeconds, t -> 1000L),
            new Setting<>("minimumQuickLoginWaitSeconds", RealmRepresentation::getMinimumQuickLoginWaitSeconds,
                    RealmRepresentation::setMinimumQuickLoginWaitSeconds, t -> seconds(LoginThrottle.SLOW_DOWN)),
            new Setting<>("eventsEnabled", RealmRepresentation::isEventsEnabled, RealmRepresentation::setEventsEnabled,
                    t -> true),
            new Setting<>("enabledEventTypes", RealmRepresentation::getEnabledEventTypes,
                    RealmRepresentation::setEnabledEventTypes, t -> List.of(LOGIN_ERROR)),
            new Setting<>("eventsExpiration", RealmRepresentation::getEventsExpiration,
                    RealmRepresentation::setEventsExpiration, t -> EVENTS_KEPT.toSeconds()));

    private RealmSettings() {
    }

    /** The whole desired realm, for a creation. */
    static RealmRepresentation desired(String realmName, Tenant tenant) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(realmName);
        SETTINGS.forEach(setting -> setting.apply(realm, tenant));
        return realm;
    }

    /** Names of the settings {@code current} gets wrong; empty when the realm is as it must be. */
    static List<String> drift(RealmRepresentation current, Tenant tenant) {
        List<String> names = new ArrayList<>();
        for (Setting<?> setting : SETTINGS) {
            if (setting.differs(current, tenant)) {
                names.add(setting.name());
            }
        }
        return names;
    }

    /** Writes the desired value of every setting into {@code current} (then sent back whole). */
    static void correct(RealmRepresentation current, Tenant tenant) {
        SETTINGS.forEach(setting -> setting.apply(current, tenant));
    }

    private static int seconds(Duration duration) {
        return Math.toIntExact(duration.toSeconds());
    }

    /** Lists and sets compare as sets: Keycloak does not keep the order it was given. */
    static boolean same(Object current, Object desired) {
        if (current instanceof Collection<?> a && desired instanceof Collection<?> b) {
            return new HashSet<>(a).equals(new HashSet<>(b));
        }
        return Objects.equals(current, desired);
    }
}
