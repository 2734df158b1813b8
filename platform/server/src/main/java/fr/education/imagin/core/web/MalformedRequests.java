package fr.education.imagin.core.web;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * Requests the HTTP decoder could not read (an over-long address or header, a garbled request
 * line) never reach the router, so the shell's error pages cannot answer them. Vert.x's default
 * answers 414 or 431 with an empty body; this one says in French what happened, on a page that
 * needs nothing from the server (no template, no style, no script), then closes the connection
 * since the rest of the request cannot be trusted.
 */
public final class MalformedRequests implements Handler<HttpServerRequest> {

    @Override
    public void handle(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        Refusal refusal = Refusal.of(result == null ? null : result.cause());
        String html = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + refusal.titre
                + " - IMAG'IN</title></head><body><h1>" + refusal.titre + "</h1><p>" + refusal.message
                + "</p><p><a href=\"/\">Retour à l'accueil</a></p></body></html>";
        request.response().setStatusCode(refusal.status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", "default-src 'none'")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Connection", "close")
                .end(html)
                .onComplete(done -> request.connection().close());
    }

    /** What the decoder refused, with the page's French words. */
    enum Refusal {
        ADRESSE_TROP_LONGUE(414, "Adresse trop longue",
                "L'adresse demandée dépasse la longueur autorisée. Revenez à la page précédente et réduisez les critères saisis."),
        ENTETES_TROP_LONGS(431, "En-têtes trop volumineux",
                "La demande porte des en-têtes trop volumineux (cookies notamment). Fermez le navigateur puis reconnectez-vous."),
        ILLISIBLE(400, "Requête invalide", "La demande envoyée n'est pas lisible.");

        final int status;
        final String titre;
        final String message;

        Refusal(int status, String titre, String message) {
            this.status = status;
            this.titre = titre;
            this.message = message;
        }

        static Refusal of(Throwable cause) {
            if (cause instanceof TooLongHttpLineException) {
                return ADRESSE_TROP_LONGUE;
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return ENTETES_TROP_LONGS;
            }
            return ILLISIBLE;
        }
    }
}
