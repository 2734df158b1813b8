package fr.education.imagin.core.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.SessionStore;

import java.util.Optional;

/**
 * SH-10: one connection at a time per establishment, cluster-wide. A slot maps a UAI to the
 * session holding it; a new sign-in for the UAI takes the slot over and ends the session that
 * held it, so two sessions never live at once for one establishment and nobody is locked out.
 */
public final class EstablishmentSlots {

    private static final String MAP = "imagin.establishment-slots";
    /** Left, with the UAI, in a session a new sign-in for its establishment ended. */
    private static final String REPLACED_FOR = "imagin.replacedFor";

    private final Vertx vertx;
    private final SessionStore sessions;

    public EstablishmentSlots(Vertx vertx, SessionStore sessions) {
        this.vertx = vertx;
        this.sessions = sessions;
    }

    /**
     * Gives the UAI's slot to {@code sessionId}, whoever holds it: called once the person has
     * proved who they are, so that a tab left open elsewhere never locks a chef d'établissement
     * out of their own establishment. The session it takes the slot from is ended ({@link #end}: its
     * next request finds no one signed in) and its id returned; empty when the slot was free, already
     * this session's, or held by a session that was over anyway.
     */
    public Future<Optional<String>> takeOver(String uai, String sessionId) {
        return map().compose(slots -> takeOver(slots, uai, sessionId));
    }

    private Future<Optional<String>> takeOver(AsyncMap<String, String> slots, String uai, String sessionId) {
        return slots.putIfAbsent(uai, sessionId).compose(holder -> {
            if (holder == null || holder.equals(sessionId)) {
                return Future.succeededFuture(Optional.empty());
            }
            return slots.replaceIfPresent(uai, holder, sessionId).compose(replaced -> replaced
                    ? sessions.get(holder).compose(live -> live == null ? Future.succeededFuture(Optional.<String>empty())
                            : end(live, uai).map(v -> Optional.of(holder)))
                    // Another login changed the slot meanwhile: take it from that one.
                    : takeOver(slots, uai, sessionId));
        });
    }

    /**
     * Ends a session that lost its establishment's slot: its user goes, and a note of why stays,
     * so its tab says what happened instead of signing straight back in (with Keycloak, an open
     * SSO session would take the slot back at once, and the two tabs would take turns). Whatever
     * else it held stays, such as the identity provider's logout hint. Deleted instead if the
     * session changed meanwhile: ended either way.
     */
    private Future<Void> end(Session ended, String uai) {
        ended.remove(SessionUser.SESSION_KEY);
        ended.put(REPLACED_FOR, uai);
        return sessions.put(ended).recover(e -> sessions.delete(ended.id()));
    }

    /** The UAI whose new sign-in ended this session, or null. */
    public static String replacedFor(Session session) {
        return session == null ? null : session.get(REPLACED_FOR);
    }

    /** A session signing in again is no longer one that was replaced. */
    static void forgetReplacement(Session session) {
        session.remove(REPLACED_FOR);
    }

    /** Frees the slot if {@code sessionId} holds it. */
    public Future<Void> release(String uai, String sessionId) {
        return map().compose(slots -> slots.removeIfPresent(uai, sessionId)).mapEmpty();
    }

    private Future<AsyncMap<String, String>> map() {
        return vertx.sharedData().getAsyncMap(MAP);
    }
}
