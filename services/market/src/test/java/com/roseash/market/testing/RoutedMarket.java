package com.roseash.market.testing;

import java.net.http.HttpResponse;
import java.util.Map;

import com.roseash.market.MarketService;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.server.ServiceParts;
import com.roseash.platform.testing.RoutedClient;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;
import io.helidon.webserver.http.HttpRouting;

/**
 * The market as {@link MarketService#parts} builds it, reached through its routing without sockets, on its own
 * database and its own Redis: each test class stocks the market differently, so no page may be cached across them.
 */
public final class RoutedMarket implements AutoCloseable {

    public final DatabaseSettings database;
    public final Database db;
    public final TestRedis redis;
    private final ServiceParts parts;
    private final RoutedClient shopper;
    private final RoutedClient internal;

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
        parts = MarketService.parts(overrides);
        shopper = visitor();
        HttpRouting.Builder internalRouting = HttpRouting.builder();
        parts.server().setUpInternal(internalRouting);
        internal = new RoutedClient(internalRouting);
    }

    /** A page on the public routing, as one shopper who keeps cookies across calls. */
    public HttpResponse<String> get(String path, String... headers) {
        return shopper.get(path, headers);
    }

    /** A call to the internal routing (fragments), as another service makes it. */
    public HttpResponse<String> internal(String path) {
        return internal.get(path);
    }

    /** A new visitor with no cookies yet. */
    public RoutedClient visitor() {
        HttpRouting.Builder routing = HttpRouting.builder();
        parts.server().setUpPublic(routing);
        return new RoutedClient(routing);
    }

    /** Runs SQL on the market's database, as an editor's change would leave it. */
    public void sql(String statement, Object... parameters) {
        db.client().execute().dml(statement, parameters);
    }

    @Override
    public void close() {
        shopper.close();
        internal.close();
        parts.close();
        db.close();
        redis.close();
    }
}
