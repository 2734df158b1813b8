package fr.education.imagin.core.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Headers every response carries: no framing, no sniffing, no third-party origins. */
public final class SecurityHeaders implements Handler<RoutingContext> {

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().headers()
                .set("Content-Security-Policy", CSP)
                .set("X-Frame-Options", "DENY")
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "same-origin")
                .set("Cross-Origin-Opener-Policy", "same-origin");
        ctx.next();
    }
}
