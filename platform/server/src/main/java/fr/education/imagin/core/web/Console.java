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
 * {@code (12/12/2016 14:18:38) Erreur : ...}. Messages live in the session (the last
 * {@value #KEPT}), so one written before a redirect shows on the next page; those written
 * during the current request are marked new, highlighted and announced to screen readers.
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
        if (session != null && !session.isDestroyed()) {
            JsonArray kept = history(session).copy();
            kept.add(message);
            while (kept.size() > KEPT) {
                kept.remove(0);
            }
            session.put(SESSION_KEY, kept);
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

    /** Newest first, as the layout shows them. */
    static List<Map<String, Object>> model(RoutingContext ctx) {
        List<JsonObject> fresh = ctx.get(REQUEST_KEY);
        List<JsonObject> all = new ArrayList<>();
        if (ctx.session() != null && !ctx.session().isDestroyed()) {
            history(ctx.session()).forEach(m -> all.add((JsonObject) m));
        } else if (fresh != null) {
            all.addAll(fresh);
        }
        List<Map<String, Object>> model = new ArrayList<>(all.size());
        for (int i = all.size() - 1; i >= 0; i--) {
            JsonObject m = all.get(i);
            Level level = Level.valueOf(m.getString("niveau"));
            model.add(Map.of("niveau", level.name().toLowerCase(Locale.ROOT), "libelle", level.label(),
                    "horodatage", m.getString("horodatage"), "texte", m.getString("texte"),
                    "nouveau", fresh != null && fresh.contains(m)));
        }
        return model;
    }

    private static JsonArray history(Session session) {
        JsonArray kept = session.get(SESSION_KEY);
        return kept == null ? new JsonArray() : kept;
    }
}
