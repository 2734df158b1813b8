package fr.education.imagin.core.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.Optional;

/** Headers every response carries: no framing, no sniffing, no third-party origins. */
public final class SecurityHeaders implements Handler<RoutingContext> {

    private final String contentSecurityPolicy;

    /**
     * {@code identityProvider}: the Keycloak base URL when logins go through it. "Quitter" posts to
     * the platform, which answers with a redirect to the realm's logout endpoint; browsers check
     * that redirect against {@code form-action}, so Keycloak's origin, and only it, is added there.
     */
    public SecurityHeaders(Optional<String> identityProvider) {
        String formTargets = identityProvider.map(url -> "'self' " + origin(url)).orElse("'self'");
        this.contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                + "font-src 'self'; form-action " + formTargets + "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().headers()
                .set("Content-Security-Policy", contentSecurityPolicy)
                .set("X-Frame-Options", "DENY")
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "same-origin")
                .set("Cross-Origin-Opener-Policy", "same-origin");
        ctx.next();
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
