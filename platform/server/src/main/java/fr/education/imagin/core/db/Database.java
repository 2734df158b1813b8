package fr.education.imagin.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.education.imagin.core.config.PlatformConfig;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import javax.sql.DataSource;

/**
 * The two ways the platform reaches PostgreSQL: a small HikariCP pool for JDBC work
 * (migrations, bulk loads) and one Vert.x PG pool shared by every tenant for the request path.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource jdbc;
    private final Pool pool;
    private final PgConnectOptions connectOptions;

    private Database(HikariDataSource jdbc, Pool pool, PgConnectOptions connectOptions) {
        this.jdbc = jdbc;
        this.pool = pool;
        this.connectOptions = connectOptions;
    }

    public static Database connect(Vertx vertx, PlatformConfig.Database config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(4);
        hikari.setPoolName("imagin-jdbc");
        HikariDataSource jdbc = new HikariDataSource(hikari);

        PgConnectOptions connect = PgConnectOptions.fromUri(config.jdbcUrl().replaceFirst("^jdbc:", ""))
                .setUser(config.user())
                .setPassword(config.password())
                .setCachePreparedStatements(true)
                .setPipeliningLimit(16);
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(config.poolSize()).setName("imagin-request"))
                .connectingTo(connect)
                .using(vertx)
                .build();
        return new Database(jdbc, pool, connect);
    }

    public DataSource jdbc() {
        return jdbc;
    }

    public Pool pool() {
        return pool;
    }

    /** How the request pool connects: for the few components that need connections of their own (mail delivery). */
    public PgConnectOptions connectOptions() {
        return new PgConnectOptions(connectOptions);
    }

    @Override
    public void close() {
        pool.close();
        jdbc.close();
    }
}
