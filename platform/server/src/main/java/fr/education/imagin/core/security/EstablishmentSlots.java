package fr.education.imagin.core.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.ext.web.sstore.SessionStore;

/**
 * SH-10: one connection at a time per establishment, cluster-wide. A slot maps a UAI to the
 * session holding it; the slot of a session that ended (Quitter) or timed out is free, which is
 * checked against the session store itself, so no timer has to clean slots up.
 */
public final class EstablishmentSlots {

    private static final String MAP = "imagin.establishment-slots";

    private final Vertx vertx;
    private final SessionStore sessions;

    public EstablishmentSlots(Vertx vertx, SessionStore sessions) {
        this.vertx = vertx;
        this.sessions = sessions;
    }

    /** Gives the UAI's slot to {@code sessionId}; false when another live session holds it. */
    public Future<Boolean> claim(String uai, String sessionId) {
        return map().compose(slots -> slots.putIfAbsent(uai, sessionId).compose(holder -> {
            if (holder == null || holder.equals(sessionId)) {
                return Future.succeededFuture(true);
            }
            return sessions.get(holder).compose(live -> live != null
                    ? Future.succeededFuture(false)
                    // The holder is gone: take over, unless someone else just did.
                    : slots.replaceIfPresent(uai, holder, sessionId));
        }));
    }

    /** Frees the slot if {@code sessionId} holds it. */
    public Future<Void> release(String uai, String sessionId) {
        return map().compose(slots -> slots.removeIfPresent(uai, sessionId)).mapEmpty();
    }

    private Future<AsyncMap<String, String>> map() {
        return vertx.sharedData().getAsyncMap(MAP);
    }
}
