package com.roseash.cart.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.roseash.cart.CartService;
import com.roseash.cart.CartSettings;
import com.roseash.contract.ServiceName;
import com.roseash.events.EventsService;
import com.roseash.market.MarketService;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.Migrator;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.testing.RoutedClient;
import com.roseash.platform.testing.RoutedService;
import com.roseash.platform.testing.TestPostgres;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;
import com.roseash.sumup.standin.SumUpStandIn;

/**
 * The cart with every real part it talks to: the market (on loopback, stocked with the demo products), SumUp's
 * stand-in, GreenMail for SMTP, PostgreSQL and Redis. The cart runs on a socket (SumUp's notifications reach it
 * there) and is also routed without one for page flows, both on the same database.
 */
public final class CartWorld implements AutoCloseable {

    /** The market's host as the cart knows it: pages there may add to the cart. */
    public static final String MARKET_ORIGIN = "http://market.rose-ash.test";

    public final DatabaseSettings database;
    public final Database db;
    public final TestRedis redis;
    public final RedisCache redisCache;
    public final RunningService market;
    /** The real events service: sells tickets through the seller contract, issues them on order.paid. */
    public final RunningService events;
    public final SumUpStandIn sumup;
    public final GreenMail smtp;
    public final RunningService cart;
    public final String cartUrl;
    public final Map<String, String> overrides;
    private final RoutedService routed;
    private final RoutedService unnotified;

    public CartWorld() {
        this(true);
    }

    /** @param payments whether SumUp is set up */
    public CartWorld(boolean payments) {
        database = TestPostgres.shared().newDatabase();
        new Migrator(database, List.of(MarketService.MIGRATIONS, CartService.MIGRATIONS, EventsService.MIGRATIONS)).migrateAll();
        MarketService.loadDemoProductsIfEmpty(database);
        EventsService.loadDemoEventsIfEmpty(database);
        db = Database.connect(database);
        redis = TestRedis.startNew();
        redisCache = new RedisCache(new RedisSettings(redis.url(), Duration.ofSeconds(1)));
        market = MarketService.start(TestServices.overrides(database, redis.url()));
        sumup = SumUpStandIn.start();
        smtp = new GreenMail(new ServerSetup(TestRedis.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> eventsOverrides = new HashMap<>(TestServices.overrides(database, redis.url()));
        eventsOverrides.put(PlatformSettings.MAIL_HOST.key(), "127.0.0.1");
        eventsOverrides.put(PlatformSettings.MAIL_PORT.key(), String.valueOf(smtp.getSmtp().getPort()));
        eventsOverrides.put(PlatformSettings.MAIL_SECURITY.key(), "none");
        eventsOverrides.put("rose-ash.events.mail-interval", "PT0.5S");
        events = EventsService.start(eventsOverrides);

        int cartPort = TestRedis.freePort();
        cartUrl = "http://127.0.0.1:" + cartPort + "/";
        overrides = new HashMap<>(TestServices.overrides(database, redis.url()));
        overrides.put(PlatformSettings.PUBLIC_PORT.key(), String.valueOf(cartPort));
        overrides.put(PlatformSettings.publicUrl(ServiceName.CART).key(), cartUrl);
        overrides.put(PlatformSettings.publicUrl(ServiceName.MARKET).key(), MARKET_ORIGIN + "/");
        overrides.put(PlatformSettings.internalUrl(ServiceName.MARKET).key(), "http://127.0.0.1:" + market.internalPort());
        overrides.put(PlatformSettings.internalUrl(ServiceName.EVENTS).key(), "http://127.0.0.1:" + events.internalPort());
        if (payments) {
            overrides.put(CartSettings.SUMUP_API_URL.key(), sumup.baseUrl().toString());
            overrides.put(CartSettings.SUMUP_API_KEY.key(), sumup.apiKey());
            overrides.put(CartSettings.SUMUP_MERCHANT_CODE.key(), sumup.merchantCode());
        }
        overrides.put(PlatformSettings.MAIL_HOST.key(), "127.0.0.1");
        overrides.put(PlatformSettings.MAIL_PORT.key(), String.valueOf(smtp.getSmtp().getPort()));
        overrides.put(PlatformSettings.MAIL_SECURITY.key(), "none");
        // Tests run the settler themselves, with a clock of their choosing.
        overrides.put(CartSettings.SETTLE_INTERVAL.key(), "PT1H");
        cart = CartService.start(overrides);
        Map<String, String> routedOverrides = new HashMap<>(overrides);
        routedOverrides.put(PlatformSettings.PUBLIC_PORT.key(), "0");
        routed = new RoutedService(CartService.parts(routedOverrides));
        Map<String, String> deaf = new HashMap<>(routedOverrides);
        deaf.put(PlatformSettings.publicUrl(ServiceName.CART).key(), "http://127.0.0.1:" + TestRedis.freePort() + "/");
        unnotified = new RoutedService(CartService.parts(deaf));
    }

    /**
     * A member of a cart whose checkouts' notifications never arrive (their return_url is a port nobody listens
     * on): only the payer's return or the settler can find out that such an order was paid.
     */
    public RoutedClient unnotifiedMember(String subject) {
        return signedIn(unnotified.visitor(), subject, "member");
    }

    /** A new visitor with no cookies yet. */
    public RoutedClient visitor() {
        return routed.visitor();
    }

    /** A new browser with {@code subject} signed in on cart. */
    public RoutedClient member(String subject, String... roles) {
        return signedIn(routed.visitor(), subject, roles.length == 0 ? "member" : String.join(",", roles));
    }

    private RoutedClient signedIn(RoutedClient browser, String subject, String roles) {
        return browser.signedIn(redisCache, ServiceName.CART, Map.of("sub", subject, "name", "Member " + subject,
                "email", subject + "@example.org", "roles", roles));
    }

    /** One number from the shared database. */
    public long count(String sql, Object... parameters) {
        return db.client().execute().get(sql, parameters).orElseThrow().column(1).getLong();
    }

    /** The internal socket's fragments, as another service asks for them. */
    public String fragment(String pathAndQuery) {
        return routed.internal("/internal/fragments/" + pathAndQuery).body();
    }

    @Override
    public void close() {
        unnotified.close();
        routed.close();
        cart.close();
        smtp.stop();
        sumup.close();
        market.close();
        events.close();
        redisCache.close();
        db.close();
        redis.close();
    }
}
