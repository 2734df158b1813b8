package fr.education.imagin.core.preferences;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accessibility settings of the header (SH-1): contrast, font size, line spacing and
 * justification. Each is one of a few fixed values that become CSS classes on {@code <html>}.
 */
public record DisplayPreferences(String contraste, String taillePolice, String interligne, String justification) {

    public record Option(String value, String libelle) {
    }

    public record Setting(String name, String legende, List<Option> options) {

        boolean allows(String value) {
            return options.stream().anyMatch(o -> o.value().equals(value));
        }
    }

    /** The settings in form order; the first option of each is the default. */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("contraste", "Contraste", List.of(
                    new Option("standard", "Standard"),
                    new Option("renforce", "Renforcé"),
                    new Option("sombre", "Sombre"))),
            new Setting("taillePolice", "Taille de police", List.of(
                    new Option("100", "Normale"),
                    new Option("125", "Grande"),
                    new Option("150", "Très grande"))),
            new Setting("interligne", "Interlignage", List.of(
                    new Option("normal", "Normal"),
                    new Option("augmente", "Augmenté"),
                    new Option("double", "Double"))),
            new Setting("justification", "Justification du texte", List.of(
                    new Option("gauche", "Alignée à gauche"),
                    new Option("justifie", "Justifiée"))));

    public static final DisplayPreferences DEFAULTS = new DisplayPreferences("standard", "100", "normal", "gauche");

    public DisplayPreferences {
        check("contraste", contraste);
        check("taillePolice", taillePolice);
        check("interligne", interligne);
        check("justification", justification);
    }

    /** The settings a form posted, or empty when one is missing or not an offered value. */
    public static Optional<DisplayPreferences> fromForm(MultiMap form) {
        for (Setting setting : SETTINGS) {
            if (!setting.allows(form.get(setting.name()))) {
                return Optional.empty();
            }
        }
        return Optional.of(new DisplayPreferences(form.get("contraste"), form.get("taillePolice"),
                form.get("interligne"), form.get("justification")));
    }

    /** Classes of {@code <html>}, styled in {@code static/imagin/imagin.css}. */
    public String cssClasses() {
        return "imagin-contraste-" + contraste + " imagin-police-" + taillePolice
                + " imagin-interligne-" + interligne + " imagin-texte-" + justification;
    }

    /** DSFR's own colour scheme attribute ({@code data-fr-scheme}). */
    public String scheme() {
        return "sombre".equals(contraste) ? "dark" : "light";
    }

    public Map<String, Object> toTemplateModel() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("classes", cssClasses());
        model.put("scheme", scheme());
        model.put("valeurs", Map.of("contraste", contraste, "taillePolice", taillePolice,
                "interligne", interligne, "justification", justification));
        model.put("reglages", SETTINGS.stream().map(s -> Map.of("name", s.name(), "legende", s.legende(),
                "options", s.options().stream().map(o -> Map.of("value", o.value(), "libelle", o.libelle())).toList())).toList());
        return model;
    }

    JsonObject toJson() {
        return new JsonObject().put("contraste", contraste).put("taillePolice", taillePolice)
                .put("interligne", interligne).put("justification", justification);
    }

    static DisplayPreferences fromJson(JsonObject json) {
        return new DisplayPreferences(json.getString("contraste"), json.getString("taillePolice"),
                json.getString("interligne"), json.getString("justification"));
    }

    private static void check(String name, String value) {
        Setting setting = SETTINGS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        if (!setting.allows(value)) {
            throw new IllegalArgumentException("invalid " + name + ": " + value);
        }
    }
}
