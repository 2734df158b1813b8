package fr.education.imagin.core.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** French error pages in the shell (or JSON for API callers); never a stack trace. */
public final class ErrorPages implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static final Map<Integer, String[]> MESSAGES = Map.of(
            400, new String[]{"Requête invalide", "La demande envoyée n'est pas valide."},
            401, new String[]{"Authentification requise", "Veuillez vous connecter pour accéder à cette page."},
            403, new String[]{"Accès refusé", "Vous n'avez pas les droits nécessaires pour accéder à cette page."},
            404, new String[]{"Page introuvable", "La page demandée n'existe pas ou l'académie n'est pas disponible."},
            405, new String[]{"Méthode non autorisée", "Cette action n'est pas possible sur cette page."},
            413, new String[]{"Requête trop volumineuse", "Les données envoyées dépassent la taille autorisée."},
            500, new String[]{"Erreur interne", "Une erreur inattendue s'est produite. Si le problème persiste, merci de le signaler au gestionnaire de votre académie."},
            503, new String[]{"Service indisponible", "Le service est momentanément indisponible. Veuillez réessayer dans quelques instants."});

    private final PageRenderer pages;

    public ErrorPages(PageRenderer pages) {
        this.pages = pages;
    }

    /** Said when PostgreSQL refuses a character of a typed value. */
    static final String UNSTORABLE_CHARACTER = "La demande contient un caractère non autorisé (caractère de contrôle) ; "
            + "rien n'a été enregistré.";

    @Override
    public void handle(RoutingContext ctx) {
        if (unstorableCharacter(ctx.failure())) {
            // A NUL typed in any field (keyword, motif, signature...) that a screen did not check
            // itself: PostgreSQL refuses it, the statement (and its transaction) is undone, so this
            // is the user's input, not a fault of ours.
            handle(ctx, new PageException(400, "Requête invalide", UNSTORABLE_CHARACTER));
            return;
        }
        handle(ctx, ctx.failure());
    }

    /** Whether {@code failure} (or a cause) is PostgreSQL refusing a character (NUL: 22021, 22P05). */
    private static boolean unstorableCharacter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg
                    && ("22021".equals(pg.getSqlState()) || "22P05".equals(pg.getSqlState()))) {
                return true;
            }
        }
        return false;
    }

    private void handle(RoutingContext ctx, Throwable failure) {
        int status = failure instanceof PageException refusal ? refusal.status()
                : ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String[] message = failure instanceof PageException refusal
                ? new String[]{refusal.titre(), refusal.getMessage()}
                : MESSAGES.getOrDefault(status, MESSAGES.get(status >= 500 ? 500 : 400));
        if (status >= 500) {
            LOG.atError().addKeyValue("path", ctx.normalizedPath()).addKeyValue("status", status)
                    .setCause(failure).log("request failed");
        } else if (failure != null) {
            LOG.atDebug().addKeyValue("path", ctx.normalizedPath()).addKeyValue("status", status)
                    .addKeyValue("reason", failure.getMessage()).log("request refused");
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        if (wantsJson(ctx)) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(new JsonObject().put("status", status).put("error", message[0]).put("message", message[1]).encode());
            return;
        }
        try {
            pages.respond(ctx, status, "shell/error.ftlh", Map.of("status", status, "titre", message[0], "message", message[1]));
        } catch (RuntimeException e) {
            LOG.error("error page failed", e);
            ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(message[0]);
        }
    }

    private static boolean wantsJson(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        return ctx.normalizedPath().contains("/api/") || (accept != null && accept.startsWith("application/json"));
    }
}
