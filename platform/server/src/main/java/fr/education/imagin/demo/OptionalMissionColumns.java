package fr.education.imagin.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Mission columns added by later migrations: filled only when the tenant schema has them, so the
 * generator also loads schemas migrated to an older version.
 *
 * @param variante           the HLP EC correction split into a letters and a philosophy mission (CONV-10)
 * @param cycladesAssignment whether Cyclades has finished assigning the candidates of a mission (CONV-9)
 * @param observationConvocation the observation prefilled on the mission's convocations (CONV-7)
 * @param frais              expenses are rows of {@code frais} (V9), no longer a flag of {@code service_fait}
 */
record OptionalMissionColumns(boolean variante, boolean cycladesAssignment, boolean observationConvocation, boolean frais) {

    static OptionalMissionColumns of(Connection conn, String schema) throws SQLException {
        boolean variante = false;
        boolean cyclades = false;
        boolean observation = false;
        try (PreparedStatement ps = conn.prepareStatement(
                "select column_name from information_schema.columns where table_schema = ? and table_name = 'mission'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    variante |= "variante".equals(column);
                    cyclades |= "affectation_cyclades_terminee".equals(column);
                    observation |= "observation_convocation".equals(column);
                }
            }
        }
        boolean frais;
        try (PreparedStatement ps = conn.prepareStatement(
                "select exists (select 1 from information_schema.tables where table_schema = ? and table_name = 'frais')")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                frais = rs.getBoolean(1);
            }
        }
        return new OptionalMissionColumns(variante, cyclades, observation, frais);
    }
}
