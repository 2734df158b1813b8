package fr.education.imagin.core.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * Refuses, before any screen sees it, a request whose URL or form carries a control character
 * (NUL and the other C0 characters but tab and line breaks): PostgreSQL cannot store NUL in text,
 * so without this every field reaching SQL would answer 500. Nothing typed legitimately carries one.
 * Runs after the body handler, so form fields are checked too.
 */
public final class ControlCharacters implements Handler<RoutingContext> {

    static final String MESSAGE = "La demande contient un caractère non autorisé (caractère de contrôle) ; "
            + "rien n'a été enregistré.";

    @Override
    public void handle(RoutingContext ctx) {
        String rawPath = ctx.request().path();
        if ((rawPath != null && (rawPath.contains("%00") || hasControl(rawPath)))
                || hasControl(ctx.queryParams()) || hasControl(ctx.request().formAttributes())) {
            ctx.fail(new PageException(400, "Requête invalide", MESSAGE));
            return;
        }
        ctx.next();
    }

    private static boolean hasControl(Iterable<Map.Entry<String, String>> values) {
        try {
            for (Map.Entry<String, String> e : values) {
                if (hasControl(e.getKey()) || hasControl(e.getValue())) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException malformed) {
            return false;  // an undecodable query string is Vert.x's own 400, not ours
        }
    }

    static boolean hasControl(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
