package fr.education.imagin.core.plugins;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Start-up JDBC work on the académies' plugin choices, e.g. the demo académies get the product
 * plugins. A choice already recorded (possibly a national admin's "disabled") is kept: running
 * it at every start never overrides the admin.
 */
public final class PluginProvisioning {

    private final DataSource dataSource;

    public PluginProvisioning(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Enables each plugin for the académie unless a choice about it is already recorded. */
    public void enableUnlessChosen(String tenantCode, Collection<String> pluginIds, String actor) {
        String sql = """
                insert into platform.tenant_plugin (tenant_code, plugin_id, enabled, changed_by) values (?, ?, true, ?)
                on conflict (tenant_code, plugin_id) do nothing""";
        try (Connection conn = dataSource.getConnection(); PreparedStatement insert = conn.prepareStatement(sql)) {
            for (String pluginId : pluginIds) {
                insert.setString(1, tenantCode);
                insert.setString(2, pluginId);
                insert.setString(3, actor);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enable plugins " + pluginIds + " for " + tenantCode, e);
        }
    }
}
