package fr.education.imagin.core.list;

import java.util.List;

/**
 * The rows a user selected on a list screen (its scope, filters and keyword, in its order), for
 * exports that join more data to them, e.g. each person's teachings:
 *
 * <pre>{@code
 * SqlBuilder query = selection.with()
 *     .append("select p.nom, n.matiere from selection s join personnel p on p.id = s.id")
 *     .append(" left join enseignement n on n.personnel_id = s.id order by s.rang, n.matiere");
 * }</pre>
 */
public final class ListSelection {

    private final String sql;
    private final List<Object> values;
    private final List<String> errors;

    ListSelection(String sql, List<Object> values, List<String> errors) {
        this.sql = sql;
        this.values = values;
        this.errors = errors;
    }

    /** A new query that starts with {@code with selection(id, rang) as (...)}; bind more with it. */
    public SqlBuilder with() {
        return new SqlBuilder(values).append("with selection as (" + sql + ") ");
    }

    /** French messages of filters that could not be applied (the selection ignores them). */
    public List<String> errors() {
        return errors;
    }
}
