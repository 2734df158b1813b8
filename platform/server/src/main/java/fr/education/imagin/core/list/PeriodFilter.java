package fr.education.imagin.core.list;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.core.format.Parsed;
import io.vertx.core.MultiMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A period (two mandatory dates JJ/MM/AAAA) read with one of several meanings chosen by radio
 * buttons, e.g. "de disponibilité" / "de convocation" (PERS-2). Each mode's SQL condition uses
 * {@code :debut} and {@code :fin}, which become bound parameters typed {@code date}.
 */
public final class PeriodFilter implements ListFilter {

    /** One meaning of the period: {@code condition} is SQL with {@code :debut} and {@code :fin}. */
    public record Mode(String value, String libelle, String condition) {
    }

    private final String legende;
    private final List<Mode> modes;

    /** The first mode is checked by default. */
    public PeriodFilter(String legende, List<Mode> modes) {
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("a period filter needs at least one mode");
        }
        this.legende = legende;
        this.modes = List.copyOf(modes);
    }

    @Override
    public List<String> parameters() {
        return List.of("periode", "du", "au");
    }

    @Override
    public boolean isSet(MultiMap params) {
        // Dates without a mode (a hand-made or shortened address) read with the default mode,
        // rather than silently listing everyone.
        return params.contains("periode") || params.contains("du") || params.contains("au");
    }

    @Override
    public List<String> apply(MultiMap params, SqlBuilder where) {
        if (!isSet(params)) {
            return List.of();
        }
        Check check = check(params);
        if (check.errors().isEmpty()) {
            String condition = mode(params).condition()
                    .replace(":debut", where.bind(check.from().value().orElseThrow()) + "::date")
                    .replace(":fin", where.bind(check.to().value().orElseThrow()) + "::date");
            where.append(" and (").append(condition).append(")");
        }
        return check.errors();
    }

    /**
     * The two dates read, the console's messages, and each message beside the field it is about
     * ("du" or "au"), so the form shows it there too.
     */
    private record Check(Parsed<LocalDate> from, Parsed<LocalDate> to, List<String> errors, Map<String, String> byField) {
    }

    private static Check check(MultiMap params) {
        Parsed<LocalDate> from = FrenchInput.date(params.get("du"), "date de début de période");
        Parsed<LocalDate> to = FrenchInput.date(params.get("au"), "date de fin de période");
        List<String> errors = new ArrayList<>();
        Map<String, String> byField = new LinkedHashMap<>();
        if (from.isEmpty() || to.isEmpty()) {
            String required = "Les deux dates de la période sont obligatoires (format JJ/MM/AAAA).";
            errors.add(required);
            if (from.isEmpty()) {
                byField.put("du", required);
            }
            if (to.isEmpty()) {
                byField.put("au", required);
            }
        }
        if (from.isError()) {
            errors.add(from.error());
            byField.put("du", from.error());
        }
        if (to.isError()) {
            errors.add(to.error());
            byField.put("au", to.error());
        }
        if (errors.isEmpty() && to.value().orElseThrow().isBefore(from.value().orElseThrow())) {
            String order = "La date de fin de période précède la date de début.";
            errors.add(order);
            byField.put("au", order);
        }
        return new Check(from, to, errors, byField);
    }

    @Override
    public Map<String, Object> model(MultiMap params) {
        Mode chosen = mode(params);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "periode");
        model.put("legende", legende);
        model.put("modes", modes.stream().map(m -> Map.of("value", m.value(), "libelle", m.libelle(),
                "choisi", m == chosen)).toList());
        model.put("du", params.get("du") == null ? "" : params.get("du"));
        model.put("au", params.get("au") == null ? "" : params.get("au"));
        Map<String, String> errors = isSet(params) ? check(params).byField() : Map.of();
        model.put("erreurDu", errors.getOrDefault("du", ""));
        model.put("erreurAu", errors.getOrDefault("au", ""));
        return model;
    }

    @Override
    public String describe(MultiMap params) {
        if (!isSet(params)) {
            return "";
        }
        Parsed<LocalDate> from = FrenchInput.date(params.get("du"), "date");
        Parsed<LocalDate> to = FrenchInput.date(params.get("au"), "date");
        if (from.value().isEmpty() || to.value().isEmpty()) {
            return "";
        }
        return legende + " " + mode(params).libelle() + " du " + FrenchFormats.date(from.value().get())
                + " au " + FrenchFormats.date(to.value().get());
    }

    private Mode mode(MultiMap params) {
        String value = params.get("periode");
        return modes.stream().filter(m -> m.value().equals(value)).findFirst().orElse(modes.get(0));
    }
}
