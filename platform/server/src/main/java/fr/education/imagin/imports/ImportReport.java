package fr.education.imagin.imports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an import did. With rejected rows nothing was written; otherwise the whole file was
 * written in one transaction and {@code crees} / {@code misAJour} count what changed (an
 * unchanged record is counted in neither: importing the same file again reports zeros).
 *
 * @param lignes         data lines read (header and blank lines excluded)
 * @param rejets         why the file was refused, row by row when the reason belongs to a row
 * @param avertissements what was noticed without refusing the file (e.g. a plugin's anomalies)
 * @param crees          records created, per kind (a mission type code, "personnels", ...)
 * @param misAJour       records that existed and were changed, per kind
 * @param supprimes      records deleted because the file replaces them (a person's teachings it no longer lists), per kind
 * @param informations   what else the import did, for the office (e.g. establishments made exam centres)
 */
public record ImportReport(int lignes, List<Rejet> rejets, List<String> avertissements, Map<String, Integer> crees,
                           Map<String, Integer> misAJour, Map<String, Integer> supprimes, List<String> informations) {

    /** A refusal; {@code ligne} is null when it concerns the whole file (an unknown session, ...). */
    public record Rejet(Integer ligne, String motif) {

        private static final Pattern LIGNE = Pattern.compile("^Ligne (\\d+) : (.*)$", Pattern.DOTALL);

        /** A message written "Ligne N : motif" (the registration file's and the plugins' wording) split in two. */
        public static Rejet of(String message) {
            Matcher m = LIGNE.matcher(message);
            return m.matches() ? new Rejet(Integer.parseInt(m.group(1)), m.group(2)) : new Rejet(null, message);
        }
    }

    public ImportReport {
        rejets = List.copyOf(rejets);
        avertissements = List.copyOf(avertissements);
        crees = Map.copyOf(crees);
        misAJour = Map.copyOf(misAJour);
        supprimes = Map.copyOf(supprimes);
        informations = List.copyOf(informations);
    }

    /** The report of an import that deletes nothing. */
    public ImportReport(int lignes, List<Rejet> rejets, List<String> avertissements, Map<String, Integer> crees,
                        Map<String, Integer> misAJour, List<String> informations) {
        this(lignes, rejets, avertissements, crees, misAJour, Map.of(), informations);
    }

    public static ImportReport refused(int lignes, List<Rejet> rejets, List<String> avertissements) {
        return new ImportReport(lignes, rejets, avertissements, Map.of(), Map.of(), Map.of(), List.of());
    }

    public boolean accepted() {
        return rejets.isEmpty();
    }

    public int totalCrees() {
        return crees.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int totalMisAJour() {
        return misAJour.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int totalSupprimes() {
        return supprimes.values().stream().mapToInt(Integer::intValue).sum();
    }

    public JsonObject toJson() {
        JsonArray r = new JsonArray();
        rejets.forEach(x -> r.add(new JsonObject().put("ligne", x.ligne()).put("motif", x.motif())));
        return new JsonObject().put("lignes", lignes).put("rejets", r).put("avertissements", new JsonArray(avertissements))
                .put("crees", new JsonObject(new TreeMap<>(crees))).put("misAJour", new JsonObject(new TreeMap<>(misAJour)))
                .put("supprimes", new JsonObject(new TreeMap<>(supprimes)))
                .put("informations", new JsonArray(informations));
    }

    public static ImportReport fromJson(JsonObject json) {
        List<Rejet> rejets = json.getJsonArray("rejets", new JsonArray()).stream().map(o -> (JsonObject) o)
                .map(o -> new Rejet(o.getInteger("ligne"), o.getString("motif"))).toList();
        List<String> avertissements = json.getJsonArray("avertissements", new JsonArray()).stream().map(String::valueOf).toList();
        List<String> informations = json.getJsonArray("informations", new JsonArray()).stream().map(String::valueOf).toList();
        return new ImportReport(json.getInteger("lignes", 0), rejets, avertissements, counts(json.getJsonObject("crees")),
                counts(json.getJsonObject("misAJour")), counts(json.getJsonObject("supprimes")), informations);
    }

    private static Map<String, Integer> counts(JsonObject json) {
        Map<String, Integer> counts = new TreeMap<>();
        if (json != null) {
            json.forEach(e -> counts.put(e.getKey(), ((Number) e.getValue()).intValue()));
        }
        return counts;
    }
}
