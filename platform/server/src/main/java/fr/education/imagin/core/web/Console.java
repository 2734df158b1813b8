package fr.education.imagin.core.web;

import fr.education.imagin.core.format.FrenchFormats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console zone of every page (SH-4): timestamped information, warnings and errors, such as
 * {@code (12/12/2016 14:18:38) Erreur : ...}. A message is shown once, on the page it belongs
 * to: the page of the request that wrote it, or the next page after a redirect. Until a page
 * shows them, messages wait in the session (the last {@value #KEPT}); a page takes them out, so
 * a form's error is not carried onto the unrelated pages visited next. Every message a page
 * shows is new to it: highlighted and announced to screen readers.
 */
public final class Console {

    public enum Level {
        INFORMATION("Information"), AVERTISSEMENT("Avertissement"), ERREUR("Erreur");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static final int KEPT = 10;
    private static final String SESSION_KEY = "imagin.console";
    private static final String REQUEST_KEY = "imagin.console.new";
    /** The header of liste.js's partial requests (ListScreen.PARTIAL_HEADER). */
    private static final String PARTIAL_HEADER = "X-Imagin-Partiel";

    private Console() {
    }

    public static void information(RoutingContext ctx, String text) {
        add(ctx, Level.INFORMATION, text);
    }

    public static void avertissement(RoutingContext ctx, String text) {
        add(ctx, Level.AVERTISSEMENT, text);
    }

    public static void erreur(RoutingContext ctx, String text) {
        add(ctx, Level.ERREUR, text);
    }

    public static void add(RoutingContext ctx, Level level, String text) {
        text = withoutLabel(level, text);
        JsonObject message = new JsonObject()
                .put("niveau", level.name())
                .put("horodatage", FrenchFormats.timestamp(LocalDateTime.now(FrenchFormats.ZONE)))
                .put("texte", text);
        List<JsonObject> fresh = ctx.get(REQUEST_KEY);
        if (fresh == null) {
            fresh = new ArrayList<>();
            ctx.put(REQUEST_KEY, fresh);
        }
        fresh.add(message);
        Session session = ctx.session();
        // A partial answer (a list region redrawn by liste.js) has no console: its messages are
        // its own, not the next page's.
        if (session != null && !session.isDestroyed() && !partial(ctx)) {
            JsonArray pending = pending(session).copy();
            pending.add(message);
            while (pending.size() > KEPT) {
                pending.remove(0);
            }
            session.put(SESSION_KEY, pending);
        }
    }

    /**
     * The layout prints the level's label before the text, so a text that already starts with
     * it (an older message written as "Erreur : ...") loses it here rather than showing it twice.
     */
    static String withoutLabel(Level level, String text) {
        String stripped = text == null ? "" : text.strip();
        String prefix = level.label() + " :";
        while (stripped.regionMatches(true, 0, prefix, 0, prefix.length())) {
            stripped = stripped.substring(prefix.length()).strip();
        }
        return stripped;
    }

    /**
     * The messages this page shows, newest first: those waiting in the session (written by this
     * request or before the redirect that led here), which the page takes out of it.
     */
    static List<Map<String, Object>> model(RoutingContext ctx) {
        List<JsonObject> fresh = ctx.get(REQUEST_KEY);
        List<JsonObject> all = new ArrayList<>();
        Session session = ctx.session();
        if (session != null && !session.isDestroyed()) {
            pending(session).forEach(m -> all.add((JsonObject) m));
            if (!partial(ctx)) {
                session.remove(SESSION_KEY);
            }
        } else if (fresh != null) {
            all.addAll(fresh);
        }
        List<Map<String, Object>> model = new ArrayList<>(all.size());
        for (int i = all.size() - 1; i >= 0; i--) {
            JsonObject m = all.get(i);
            Level level = Level.valueOf(m.getString("niveau"));
            model.add(Map.of("niveau", level.name().toLowerCase(Locale.ROOT), "libelle", level.label(),
                    "horodatage", m.getString("horodatage"), "texte", m.getString("texte"), "nouveau", true));
        }
        return model;
    }

    /** A list region redrawn in place (liste.js): the page around it, console included, stays. */
    private static boolean partial(RoutingContext ctx) {
        return ctx.request().getHeader(PARTIAL_HEADER) != null;
    }

    private static JsonArray pending(Session session) {
        JsonArray kept = session.get(SESSION_KEY);
        return kept == null ? new JsonArray() : kept;
    }
}
