package fr.education.imagin.core.list;

import fr.education.imagin.core.db.FrenchCollation;
import fr.education.imagin.core.format.FrenchFormats;
import io.vertx.sqlclient.Row;

import java.math.BigDecimal;

/**
 * How a column's value is read from a row and written for French users (SH-11), and which SQL
 * gives the same label, so the keyword filter searches exactly what the screen shows.
 */
public enum ColumnType {
    TEXT {
        @Override
        String display(Row row, int index) {
            String value = row.getString(index);
            return value == null ? "" : value;
        }

        @Override
        String labelSql(String expression) {
            return "coalesce((" + expression + ")::text, '')";
        }

        /** French order: "Élodie" with the E, "de Gaulle" with the D, whatever the database's locale. */
        @Override
        String sortSql(String expression) {
            return "(" + expression + ") collate \"" + FrenchCollation.NAME + "\"";
        }
    },
    /**
     * A number written as text (a mission's "N°"), shown as is and sorted by its value when it is
     * digits: "99" before "195466", which text order would put after it.
     */
    NUMERO {
        @Override
        String display(Row row, int index) {
            return TEXT.display(row, index);
        }

        @Override
        String labelSql(String expression) {
            return TEXT.labelSql(expression);
        }

        @Override
        String sortSql(String expression) {
            return "lpad(" + expression + ", 20, '0')";
        }
    },
    /** A {@code date}, shown JJ/MM/AAAA. */
    DATE {
        @Override
        String display(Row row, int index) {
            return FrenchFormats.date(row.getLocalDate(index));
        }

        @Override
        String labelSql(String expression) {
            return "coalesce(to_char(" + expression + ", 'DD/MM/YYYY'), '')";
        }
    },
    /** A {@code timestamp} (local time), shown JJ/MM/AAAA HH:MM. */
    DATE_TIME {
        @Override
        String display(Row row, int index) {
            return FrenchFormats.dateTime(row.getLocalDateTime(index));
        }

        @Override
        String labelSql(String expression) {
            return "coalesce(to_char(" + expression + ", 'DD/MM/YYYY HH24:MI'), '')";
        }
    },
    /** A whole number, shown {@code 1 268}; written plain in CSV so spreadsheets read a number. */
    INTEGER {
        @Override
        String display(Row row, int index) {
            Long value = row.getLong(index);
            return value == null ? "" : FrenchFormats.integer(value);
        }

        @Override
        String csv(Row row, int index) {
            Long value = row.getLong(index);
            return value == null ? "" : value.toString();
        }

        @Override
        String labelSql(String expression) {
            return "coalesce((" + expression + ")::text, '')";
        }
    },
    /** A {@code numeric} amount in euros, shown {@code 1 268,00 €}; {@code 1268,00} in CSV. */
    AMOUNT {
        @Override
        String display(Row row, int index) {
            return FrenchFormats.amount(row.getBigDecimal(index));
        }

        @Override
        String csv(Row row, int index) {
            BigDecimal value = row.getBigDecimal(index);
            return value == null ? "" : FrenchFormats.amountNumber(value).replace(String.valueOf(FrenchFormats.NO_BREAK_SPACE), "");
        }

        @Override
        String labelSql(String expression) {
            return "coalesce(replace(to_char(" + expression + ", 'FM999999999990.00'), '.', ','), '')";
        }
    };

    abstract String display(Row row, int index);

    /** The value in a CSV cell: the screen's label unless spreadsheets need it plainer. */
    String csv(Row row, int index) {
        return display(row, index);
    }

    /** SQL text of the label the screen shows for {@code expression}, never null. */
    abstract String labelSql(String expression);

    /** SQL to order rows by {@code expression}. */
    String sortSql(String expression) {
        return expression;
    }
}
