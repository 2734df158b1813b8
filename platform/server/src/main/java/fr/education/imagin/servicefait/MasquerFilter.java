package fr.education.imagin.servicefait;

import fr.education.imagin.core.list.ListFilter;
import fr.education.imagin.core.list.SqlBuilder;
import io.vertx.core.MultiMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two boxes of guide §4.3.1: "Masquer les missions non effectuées" and "Masquer les missions
 * déjà constatées", the second ticked by default. The filter form sends {@code filtre=1}: a form
 * sent with neither box ticked shows every mission, while a first visit (no parameter) applies
 * the default.
 */
final class MasquerFilter implements ListFilter {

    static final String PARAMETRE = "masquer";
    static final String ENVOYE = "filtre";
    static final String NON_EFFECTUEES = "non-effectuees";
    static final String CONSTATEES = "constatees";
    private static final Map<String, String> CHOIX = new LinkedHashMap<>();

    static {
        CHOIX.put(NON_EFFECTUEES, "Masquer les missions non effectuées");
        CHOIX.put(CONSTATEES, "Masquer les missions déjà constatées");
    }

    @Override
    public List<String> parameters() {
        return List.of(PARAMETRE, ENVOYE);
    }

    @Override
    public List<String> apply(MultiMap params, SqlBuilder where) {
        List<String> errors = new ArrayList<>();
        for (String value : params.getAll(PARAMETRE)) {
            if (!CHOIX.containsKey(value.strip())) {
                errors.add("Le choix « " + value + " » n'est pas proposé pour masquer des missions.");
            }
        }
        List<String> chosen = chosen(params);
        if (chosen.contains(NON_EFFECTUEES)) {
            where.append(" and etat.code <> 'NON_EFFECTUEE'");
        }
        if (chosen.contains(CONSTATEES)) {
            where.append(" and etat.code <> 'CONSTATEE'");
        }
        return errors;
    }

    /** The boxes ticked: as sent once the form was used, else the default. */
    static List<String> chosen(MultiMap params) {
        List<String> sent = params.getAll(PARAMETRE).stream().map(String::strip).filter(CHOIX::containsKey).distinct().toList();
        if (sent.isEmpty() && !params.contains(ENVOYE)) {
            return List.of(CONSTATEES);
        }
        return sent;
    }

    @Override
    public boolean isSet(MultiMap params) {
        return params.contains(PARAMETRE) || params.contains(ENVOYE);
    }

    @Override
    public Map<String, Object> model(MultiMap params) {
        List<String> chosen = chosen(params);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "masquer");
        model.put("parametre", PARAMETRE);
        model.put("envoye", ENVOYE);
        model.put("legende", "Affichage");
        model.put("aide", "Par défaut, les missions déjà constatées sont masquées.");
        model.put("choix", CHOIX.entrySet().stream().map(e -> Map.of("value", e.getKey(), "libelle", e.getValue(),
                "choisi", chosen.contains(e.getKey()))).toList());
        return model;
    }

    @Override
    public String describe(MultiMap params) {
        List<String> chosen = chosen(params);
        return chosen.isEmpty() ? "" : String.join(", ", chosen.stream().map(CHOIX::get).toList());
    }
}
