package fr.education.imagin.core.list;

import java.util.regex.Pattern;

/**
 * One column of a list: a key for URLs ({@code ?tri=nom}), the header label, the type that
 * formats it, and the SQL expression that yields it (also used to sort and to search).
 * The expression is code, never user input.
 */
public record Column(String key, String label, ColumnType type, String sql) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]*");

    public Column {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("column key must be a simple identifier: " + key);
        }
    }

    /** The expression to sort by (text in French order). */
    String sortSql() {
        return type.sortSql(sql);
    }

    public static Column text(String key, String label, String sql) {
        return new Column(key, label, ColumnType.TEXT, sql);
    }

    /** A number kept as text (e.g. a mission's number), sorted by its value. */
    public static Column numero(String key, String label, String sql) {
        return new Column(key, label, ColumnType.NUMERO, sql);
    }

    public static Column date(String key, String label, String sql) {
        return new Column(key, label, ColumnType.DATE, sql);
    }

    public static Column dateTime(String key, String label, String sql) {
        return new Column(key, label, ColumnType.DATE_TIME, sql);
    }

    public static Column integer(String key, String label, String sql) {
        return new Column(key, label, ColumnType.INTEGER, sql);
    }

    public static Column amount(String key, String label, String sql) {
        return new Column(key, label, ColumnType.AMOUNT, sql);
    }
}
