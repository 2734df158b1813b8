package fr.education.imagin.core.list;

import fr.education.imagin.core.tenant.TenantHandler;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Several values picked among the ones offered (checkboxes), e.g. the "Année" and "Examen" filters
 * of the missions (MIS-2). The offered values are either computed ({@link #fixed}, such as the
 * years around today) or read from the data in the list's scope ({@link #fromData}, such as the
 * exams of the centre's missions), loaded once per request before the list's queries.
 * Without any value sent, the default ones apply (none: the filter is off). A value not offered
 * is refused with a French message, and the list stays as without the filter's parameters.
 */
public final class ChoiceFilter implements ListFilter {

    /** One offered value and its label. */
    public record Choice(String value, String libelle) {
    }

    private final String parameter;
    private final String legende;
    private final String condition;
    private final String refus;
    private final Supplier<List<Choice>> fixedChoices;
    private final String choicesSql;
    private final List<Choice> loaded;
    private final Supplier<List<String>> defaults;
    private final String hint;

    private ChoiceFilter(String parameter, String legende, String condition, String refus, Supplier<List<Choice>> fixedChoices,
                         String choicesSql, List<Choice> loaded, Supplier<List<String>> defaults, String hint) {
        this.parameter = Objects.requireNonNull(parameter);
        this.legende = legende;
        this.condition = condition;
        this.refus = refus;
        this.fixedChoices = fixedChoices;
        this.choicesSql = choicesSql;
        this.loaded = loaded;
        this.defaults = defaults;
        this.hint = hint;
    }

    /**
     * Values computed when asked (e.g. the years around today). {@code condition} is SQL where
     * {@code :choix} becomes the chosen values as a bound {@code text[]}, e.g.
     * {@code s.annee::text = any(:choix)}; {@code refus} is the French message for a value not
     * offered, {@code %s} standing for it.
     */
    public static ChoiceFilter fixed(String parameter, String legende, Supplier<List<Choice>> choices, String condition, String refus) {
        return new ChoiceFilter(parameter, legende, condition, refus, choices, null, null, List::of, "");
    }

    /**
     * Values read from the data: {@code choicesSql} selects {@code value} and {@code libelle}
     * (in the order to show) with the list's scope as {@code $1..$n}.
     */
    public static ChoiceFilter fromData(String parameter, String legende, String choicesSql, String condition, String refus) {
        return new ChoiceFilter(parameter, legende, condition, refus, null, choicesSql, List.of(), List::of, "");
    }

    /** The values chosen when none is sent, said to the user by {@code hint} under the legend. */
    public ChoiceFilter byDefault(Supplier<List<String>> values, String hint) {
        return new ChoiceFilter(parameter, legende, condition, refus, fixedChoices, choicesSql, loaded, values, hint);
    }

    /** The values offered to this request. */
    public List<Choice> choices() {
        return fixedChoices != null ? fixedChoices.get() : loaded;
    }

    @Override
    public Future<ListFilter> forRequest(RoutingContext ctx, ListService service, List<Object> scope) {
        if (choicesSql == null) {
            return Future.succeededFuture(this);
        }
        return service.query(TenantHandler.current(ctx), choicesSql, scope).map(rows -> {
            List<Choice> choices = new ArrayList<>();
            rows.forEach(row -> choices.add(new Choice(String.valueOf(row.getValue("value")), row.getString("libelle"))));
            return new ChoiceFilter(parameter, legende, condition, refus, null, choicesSql, List.copyOf(choices), defaults, hint);
        });
    }

    @Override
    public List<String> parameters() {
        return List.of(parameter);
    }

    @Override
    public boolean isSet(MultiMap params) {
        return !params.getAll(parameter).isEmpty();
    }

    @Override
    public List<String> apply(MultiMap params, SqlBuilder where) {
        Set<String> offered = choices().stream().map(Choice::value).collect(Collectors.toSet());
        List<String> errors = new ArrayList<>();
        for (String value : params.getAll(parameter)) {
            if (!offered.contains(value.strip())) {
                errors.add(refus.formatted(value));
            }
        }
        List<String> chosen = chosen(params);
        if (!chosen.isEmpty()) {
            where.append(" and (").append(condition.replace(":choix", where.bind(chosen.toArray(String[]::new)) + "::text[]"))
                    .append(")");
        }
        return errors;
    }

    @Override
    public Map<String, Object> model(MultiMap params) {
        Set<String> chosen = new LinkedHashSet<>(chosen(params));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "choix");
        model.put("parametre", parameter);
        model.put("legende", legende);
        model.put("aide", hint);
        model.put("choix", choices().stream().map(c -> Map.of("value", c.value(), "libelle", c.libelle(),
                "choisi", chosen.contains(c.value()))).toList());
        return model;
    }

    @Override
    public String describe(MultiMap params) {
        List<String> chosen = chosen(params);
        if (chosen.isEmpty()) {
            return "";
        }
        Map<String, String> labels = new LinkedHashMap<>();
        choices().forEach(c -> labels.put(c.value(), c.libelle()));
        return legende + " : " + chosen.stream().map(v -> labels.getOrDefault(v, v)).collect(Collectors.joining(", "));
    }

    /**
     * The values sent (stripped, without repeats), or the default ones when none is sent or one
     * is refused: then the list stays as without this filter's parameters.
     */
    private List<String> chosen(MultiMap params) {
        List<String> sent = params.getAll(parameter).stream().map(String::strip).distinct().toList();
        Set<String> offered = choices().stream().map(Choice::value).collect(Collectors.toSet());
        return sent.isEmpty() || !offered.containsAll(sent) ? defaults.get() : sent;
    }
}
