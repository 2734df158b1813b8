package fr.education.imagin.core.security;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Creates built-in accounts (demo accounts, a tenant's first gestionnaire) over JDBC. */
public final class AccountProvisioning {

    private final DataSource dataSource;

    public AccountProvisioning(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the account with its delegations unless the login exists; one transaction. */
    public boolean createIfAbsent(String login, String password, String displayName, Role role,
                                  String tenantCode, List<String> uais) {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement insert = conn.prepareStatement("""
                    insert into platform.account (login, password_hash, display_name, role, tenant_code)
                    values (?, ?, ?, ?, ?) on conflict (login) do nothing returning id""")) {
                insert.setString(1, login);
                insert.setString(2, AccountService.hash(password));
                insert.setString(3, displayName);
                insert.setString(4, role.name());
                insert.setString(5, tenantCode);
                try (ResultSet created = insert.executeQuery()) {
                    if (!created.next()) {
                        conn.rollback();
                        return false;
                    }
                    long id = created.getLong(1);
                    try (PreparedStatement delegation = conn.prepareStatement(
                            "insert into platform.account_delegation (account_id, uai) values (?, ?)")) {
                        for (String uai : uais) {
                            delegation.setLong(1, id);
                            delegation.setString(2, uai);
                            delegation.addBatch();
                        }
                        delegation.executeBatch();
                    }
                }
                conn.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create account " + login, e);
        }
    }
}
