package fr.education.imagin.core.tenant;

import fr.education.imagin.core.db.Migrations;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up JDBC work on tenants: seeds the registry from the tenant files (first start only:
 * afterwards the database is the truth) and brings every tenant's schema to the latest version.
 */
public final class TenantProvisioning {

    private final DataSource dataSource;
    private final Migrations migrations;

    public TenantProvisioning(DataSource dataSource, Migrations migrations) {
        this.dataSource = dataSource;
        this.migrations = migrations;
    }

    /** Registers the tenant unless its code is already known; returns whether it was new. */
    public boolean register(Tenant tenant, boolean demo) {
        String sql = """
                insert into platform.tenant (code, nom, schema_name, contact_mail, message_accueil, actif, demo)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing""";
        try (Connection conn = dataSource.getConnection(); PreparedStatement insert = conn.prepareStatement(sql)) {
            insert.setString(1, tenant.code());
            insert.setString(2, tenant.nom());
            insert.setString(3, tenant.schemaName());
            insert.setString(4, tenant.contactMail());
            insert.setString(5, tenant.messageAccueil());
            insert.setBoolean(6, tenant.actif());
            insert.setBoolean(7, demo);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not register tenant " + tenant.code(), e);
        }
    }

    /** Migrates the schema of every registered tenant, active or not; returns their codes. */
    public List<String> migrateAll() {
        List<String> migrated = new ArrayList<>();
        try (Connection conn = dataSource.getConnection();
             PreparedStatement select = conn.prepareStatement("select code, schema_name from platform.tenant order by code");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                migrations.migrateTenant(rows.getString("schema_name"));
                migrated.add(rows.getString("code"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list tenants", e);
        }
        return migrated;
    }

    /** Every registered tenant, active or not. */
    public List<Tenant> registered() {
        List<Tenant> tenants = new ArrayList<>();
        try (Connection conn = dataSource.getConnection();
             PreparedStatement select = conn.prepareStatement(
                     "select code, nom, contact_mail, message_accueil, actif from platform.tenant order by code");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tenants.add(new Tenant(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getBoolean(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list tenants", e);
        }
        return tenants;
    }

    /** Records that {@code uai} is an exam centre of {@code tenantCode} (drives ACAD-1). */
    public void registerExamCentre(String uai, String tenantCode) {
        String sql = "insert into platform.centre_examen_academie (uai, tenant_code) values (?, ?) on conflict do nothing";
        try (Connection conn = dataSource.getConnection(); PreparedStatement insert = conn.prepareStatement(sql)) {
            insert.setString(1, uai);
            insert.setString(2, tenantCode);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not register centre " + uai + " in " + tenantCode, e);
        }
    }
}
