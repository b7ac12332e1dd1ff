package com.roseash.platform.db;

import com.roseash.platform.metrics.RoundTrips;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;

/**
 * The service's connection to PostgreSQL: a Helidon DB Client over JDBC with a Hikari pool
 * ({@link HikariConnectionPool}).
 *
 * <p>The pool is built so that the service starts even while the database is down: readiness says so,
 * and requests that need data fail with the error page rather than the process refusing to start.
 */
public final class Database implements AutoCloseable {

    private final DbClient client;
    private final DatabaseSettings settings;

    private Database(DbClient client, DatabaseSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    public static Database connect(DatabaseSettings settings) {
        DbClient client = JdbcClientBuilder.create().connectionPool(HikariConnectionPool.create(settings))
                // Called once per statement executed: the count of PostgreSQL round trips the benchmark reports.
                .addService(context -> {
                    RoundTrips.dbStatement();
                    return context;
                })
                .build();
        return new Database(client, settings);
    }

    public DbClient client() {
        return client;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** True when a trivial query succeeds now. */
    public boolean isReachable() {
        try {
            return client.execute().get("SELECT 1 AS ok").isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
