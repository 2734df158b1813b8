package fr.education.imagin.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the academy office would have set on a real académie, so that its affectation screens have
 * something to work on: each mission's "intervenants requis" (the people it has, plus one to three
 * places still to fill on the missions not yet begun), and made-up coordinates for the
 * establishments (each commune a fixed point within about 80 km of Toulouse, each establishment a
 * few hundred metres around it) for the distances of the proposals. Skipped on a schema migrated
 * before those columns existed.
 */
final class OfficeNeeds {

    private OfficeNeeds() {
    }

    static void apply(Connection conn, String schema) throws SQLException {
        if (!hasColumn(conn, schema, "etablissement", "latitude")) {
            return;
        }
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("""
                    update etablissement set
                        latitude = 43.60 + ((abs(hashtext(commune)) % 1000) / 1000.0 - 0.5) * 1.4
                                         + ((abs(hashtext(uai)) % 100) / 100.0 - 0.5) * 0.01,
                        longitude = 1.44 + ((abs(hashtext('lon:' || commune)) % 1000) / 1000.0 - 0.5) * 2.0
                                         + ((abs(hashtext('lon:' || uai)) % 100) / 100.0 - 0.5) * 0.01""");
            st.executeUpdate("""
                    update mission m set intervenants_requis = coalesce(a.n, 0)
                        + case when m.date_debut > current_date and m.epreuve_option_id is not null then 1 + (m.id % 3)::int else 0 end
                    from (select mm.id, count(af.id)::int as n from mission mm left join affectation af on af.mission_id = mm.id
                          group by mm.id) a
                    where a.id = m.id""");
        }
    }

    private static boolean hasColumn(Connection conn, String schema, String table, String column) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "select 1 from information_schema.columns where table_schema = ? and table_name = ? and column_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
