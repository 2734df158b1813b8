package fr.education.imagin.core.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Lists sort text in French order with PostgreSQL's ICU collation for French. A PostgreSQL built
 * without ICU lacks it: the platform refuses to start rather than fail on every list page.
 */
public final class FrenchCollation {

    /** Used as {@code <expression> collate "fr-FR-x-icu"}. */
    public static final String NAME = "fr-FR-x-icu";

    private FrenchCollation() {
    }

    public static void require(DataSource dataSource) {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement query = conn.prepareStatement("select 1 from pg_collation where collname = ?")) {
            query.setString(1, NAME);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("PostgreSQL has no collation " + NAME
                            + ": use a PostgreSQL built with ICU (packaged ones are), lists sort French text with it");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the French collation", e);
        }
    }
}
