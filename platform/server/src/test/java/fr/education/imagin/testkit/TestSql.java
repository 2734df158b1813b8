package fr.education.imagin.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One-value SQL for fixtures and assertions, on the shared platform's database. */
public final class TestSql {

    private TestSql() {
    }

    /** Statements run on one connection, whose search path is a tenant's schema. */
    @FunctionalInterface
    public interface Work {
        void run(Statement st) throws SQLException;
    }

    /** Runs {@code work} with {@code schema} as the search path (fixtures written in a tenant's own terms). */
    public static void inSchema(String schema, Work work) {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("set search_path to " + schema);
            work.run(st);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as a number (an id, a count). */
    public static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rows = st.executeQuery(sql)) {
            if (!rows.next()) {
                throw new IllegalStateException("no row for: " + sql);
            }
            return rows.getLong(1);
        }
    }

    /** The first column of the first row, as text. */
    public static String text(Statement st, String sql) throws SQLException {
        try (ResultSet rows = st.executeQuery(sql)) {
            if (!rows.next()) {
                throw new IllegalStateException("no row for: " + sql);
            }
            return rows.getString(1);
        }
    }

    /** {@link #single} on a connection of its own (schema-qualified SQL). */
    public static long count(String sql) {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            return single(st, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement on a connection of its own (schema-qualified SQL). */
    public static void execute(String sql) {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
