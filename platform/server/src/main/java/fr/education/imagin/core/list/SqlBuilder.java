package fr.education.imagin.core.list;

import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with numbered parameters ({@code $1, $2...}) for the Vert.x PostgreSQL client:
 * values are always bound, and each part asks for its parameter's number as it adds itself.
 */
public final class SqlBuilder {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    /** Starts with a screen's own SQL whose {@code $1..$n} are {@code scope}. */
    SqlBuilder(List<Object> scope) {
        values.addAll(scope);
    }

    public SqlBuilder append(String text) {
        sql.append(text);
        return this;
    }

    /** Binds {@code value} and returns its placeholder, e.g. {@code $3}. */
    public String bind(Object value) {
        values.add(value);
        return "$" + values.size();
    }

    /** A builder starting with {@code text}, keeping the values bound so far (their placeholders in it stay valid). */
    SqlBuilder restart(String text) {
        SqlBuilder copy = new SqlBuilder(values);
        copy.sql.append(text);
        return copy;
    }

    public String sql() {
        return sql.toString();
    }

    List<Object> values() {
        return List.copyOf(values);
    }

    public Tuple tuple() {
        return Tuple.from(values);
    }
}
