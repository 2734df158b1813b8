package fr.education.imagin.core.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A PostgreSQL advisory lock held during start-up work (migrations, seeding), so members that
 * start together against one database take turns instead of seeding twice.
 */
public final class StartupLock implements AutoCloseable {

    private static final long KEY = 0x494d4147494eL; // "IMAGIN"
    private final Connection connection;

    private StartupLock(Connection connection) {
        this.connection = connection;
    }

    public static StartupLock acquire(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.execute();
            }
            return new StartupLock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock", e);
        }
    }

    @Override
    public void close() {
        try (connection; PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the start-up lock", e);
        }
    }
}
