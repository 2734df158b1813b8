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

    @Override
    public void handle(RoutingContext ctx) {
        int status = ctx.failure() instanceof PageException refusal ? refusal.status()
                : ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String[] message = ctx.failure() instanceof PageException refusal
                ? new String[]{refusal.titre(), refusal.getMessage()}
                : MESSAGES.getOrDefault(status, MESSAGES.get(status >= 500 ? 500 : 400));
        if (status >= 500) {
            LOG.atError().addKeyValue("path", ctx.normalizedPath()).addKeyValue("status", status)
                    .setCause(ctx.failure()).log("request failed");
        } else if (ctx.failure() != null) {
            LOG.atDebug().addKeyValue("path", ctx.normalizedPath()).addKeyValue("status", status)
                    .addKeyValue("reason", ctx.failure().getMessage()).log("request refused");
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
