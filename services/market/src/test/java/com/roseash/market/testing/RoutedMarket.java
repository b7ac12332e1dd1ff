package com.roseash.market.testing;

import java.net.http.HttpResponse;
import java.util.Map;

import com.roseash.market.MarketService;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.testing.RoutedClient;
import com.roseash.platform.testing.RoutedService;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;

/**
 * The market as {@link MarketService#parts} builds it, reached through its routing without sockets, on its own
 * database and its own Redis: each test class stocks the market differently, so no page may be cached across them.
 */
public final class RoutedMarket implements AutoCloseable {

    public final DatabaseSettings database;
    public final Database db;
    public final TestRedis redis;
    private final RoutedService market;

    public RoutedMarket() {
        this(Map.of());
    }

    /** With {@code extra} configuration on top of the test's. */
    public RoutedMarket(Map<String, String> extra) {
        this.database = MarketDatabase.migrated();
        this.db = Database.connect(database);
        this.redis = TestRedis.startNew();
        Map<String, String> overrides = TestServices.overrides(database, redis.url());
        overrides.putAll(extra);
        market = new RoutedService(MarketService.parts(overrides));
    }

    /** A page on the public routing, as one shopper who keeps cookies across calls. */
    public HttpResponse<String> get(String path, String... headers) {
        return market.get(path, headers);
    }

    /** A call to the internal routing (fragments), as another service makes it. */
    public HttpResponse<String> internal(String path) {
        return market.internal(path);
    }

    /** A new visitor with no cookies yet. */
    public RoutedClient visitor() {
        return market.visitor();
    }

    /** Runs SQL on the market's database, as an editor's change would leave it. */
    public void sql(String statement, Object... parameters) {
        db.client().execute().dml(statement, parameters);
    }

    @Override
    public void close() {
        market.close();
        db.close();
        redis.close();
    }
}
