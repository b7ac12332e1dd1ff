package com.roseash.platform.db;

import java.util.HashMap;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;

/**
 * The service's connection to PostgreSQL: a Helidon DB Client over JDBC with a Hikari pool.
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
        Map<String, String> tree = new HashMap<>();
        tree.put("source", "jdbc");
        tree.put("connection.url", settings.url());
        tree.put("connection.username", settings.user());
        tree.put("connection.password", settings.password());
        tree.put("connection.maximumPoolSize", String.valueOf(settings.poolSize()));
        // Start without a database rather than fail: readiness reports it until it appears.
        tree.put("connection.initializationFailTimeout", "-1");
        tree.put("connection.connectionTimeout", "2000");
        tree.put("connection.validationTimeout", "1000");
        Config config = Config.just(ConfigSources.create(tree));
        return new Database(DbClient.create(config), settings);
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
