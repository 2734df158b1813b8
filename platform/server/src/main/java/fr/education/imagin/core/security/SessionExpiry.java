package fr.education.imagin.core.security;

import fr.education.imagin.core.web.SessionSync;
import fr.education.imagin.core.web.ShellPart;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.Map;

/**
 * SH-2, server side: what the page's warning needs (timeout and warning lead, in the layout's
 * {@code session} model) and {@code GET /:tenant/session}, which "Rester connecté" calls to
 * touch the session. Mounted behind the access policy, so an ended session cannot be revived.
 */
public final class SessionExpiry implements ShellPart {

    private final Duration timeout;
    private final Duration warning;

    public SessionExpiry(Duration timeout, Duration warning) {
        this.timeout = timeout;
        this.warning = warning.compareTo(timeout) > 0 ? timeout : warning;
    }

    public void mount(Router router) {
        router.get("/:tenant/session").handler(this::touch);
    }

    private void touch(RoutingContext ctx) {
        // Storing the session resets its inactivity clock on every member.
        SessionSync.flush(ctx).onComplete(stored -> ctx.response().setStatusCode(204).end());
    }

    @Override
    public void addTo(RoutingContext ctx, Map<String, Object> model) {
        model.put("session", Map.of("timeoutSeconds", timeout.toSeconds(), "warningSeconds", warning.toSeconds()));
    }
}
