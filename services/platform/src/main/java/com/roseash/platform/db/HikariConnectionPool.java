package com.roseash.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.CloseableJdbcConnectionPool;

/**
 * The JDBC connection pool under Helidon DB Client: HikariCP, configured from {@link DatabaseSettings}.
 *
 * <p>Helidon publishes its own Hikari pool ({@code helidon-dbclient-hikari}) only up to 4.1.7, so the
 * platform wires HikariCP in itself and hands the pool to the JDBC client builder; nothing is found through
 * the service loader.
 */
final class HikariConnectionPool implements CloseableJdbcConnectionPool {

    /** How long a request waits for a connection before it fails, so that an outage answers quickly. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** How long a connection's liveness check may take. */
    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);

    private final HikariDataSource dataSource;

    private HikariConnectionPool(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A pool that opens no connection yet: the service starts while the database is down. */
    static HikariConnectionPool create(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("rose-ash");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        // Negative: start without a database rather than fail; readiness reports it until it appears.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        return new HikariConnectionPool(new HikariDataSource(config));
    }

    @Override
    public Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DbClientException("No connection to " + dataSource.getJdbcUrl(), e);
        }
    }

    /** The URL's scheme, such as {@code jdbc:postgresql}, as Helidon's own pools report it. */
    @Override
    public String dbType() {
        String url = dataSource.getJdbcUrl();
        int second = url.indexOf(':', url.indexOf(':') + 1);
        return second > 0 ? url.substring(0, second) : DEFAULT_DB_TYPE;
    }

    @Override
    public String name() {
        return dataSource.getPoolName();
    }

    @Override
    public String type() {
        return "hikari";
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
