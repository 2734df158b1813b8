package fr.education.imagin.core.web;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;

/**
 * Read-your-writes for clustered sessions. Vert.x stores a session after the response headers
 * are written, without waiting: the browser's next request (possibly on another member) could
 * read the previous version and, say, fail its CSRF check. Responses that follow a session
 * change therefore store it first.
 */
public final class SessionSync {

    private static final String KEY = "imagin.sessionHandler";

    private SessionSync() {
    }

    /** Route handler placed right after the session handler. */
    public static void remember(RoutingContext ctx, SessionHandler sessions) {
        ctx.put(KEY, sessions);
        ctx.next();
    }

    /** Redirects once the session is stored: the page that follows may be served by another member. */
    public static void redirect(RoutingContext ctx, String url) {
        flush(ctx).onComplete(stored -> ctx.redirect(url));
    }

    /** Stores the request's session now (no-op without one). */
    public static Future<Void> flush(RoutingContext ctx) {
        SessionHandler sessions = ctx.get(KEY);
        if (sessions == null || ctx.session() == null || ctx.session().isDestroyed()) {
            return Future.succeededFuture();
        }
        return sessions.flush(ctx);
    }
}
