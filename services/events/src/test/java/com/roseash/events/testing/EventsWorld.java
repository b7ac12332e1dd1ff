package com.roseash.events.testing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.roseash.contract.ServiceName;
import com.roseash.events.EventsService;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.Migrator;
import com.roseash.platform.testing.RoutedClient;
import com.roseash.platform.testing.RoutedService;
import com.roseash.platform.testing.TestPostgres;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;

/**
 * The events service as {@link EventsService#parts} builds it, routed without sockets, on its own database and
 * Redis, mailing through GreenMail: each test class gets fresh calendars and no page another cached.
 */
public final class EventsWorld implements AutoCloseable {

    public static final String EVENTS_URL = "http://events.rose-ash.test/";
    public static final String CART_URL = "http://cart.rose-ash.test/";

    public final DatabaseSettings database;
    public final Database db;
    public final TestRedis redis;
    public final RedisCache redisCache;
    public final GreenMail smtp;
    private final RoutedService events;

    public EventsWorld() {
        database = TestPostgres.shared().newDatabase();
        new Migrator(database, List.of(EventsService.MIGRATIONS)).migrateAll();
        db = Database.connect(database);
        redis = TestRedis.startNew();
        redisCache = new RedisCache(new RedisSettings(redis.url(), Duration.ofSeconds(1)));
        smtp = new GreenMail(new ServerSetup(TestRedis.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> overrides = new HashMap<>(TestServices.overrides(database, redis.url()));
        overrides.put(PlatformSettings.publicUrl(ServiceName.EVENTS).key(), EVENTS_URL);
        overrides.put(PlatformSettings.publicUrl(ServiceName.CART).key(), CART_URL);
        overrides.put(PlatformSettings.MAIL_HOST.key(), "127.0.0.1");
        overrides.put(PlatformSettings.MAIL_PORT.key(), String.valueOf(smtp.getSmtp().getPort()));
        overrides.put(PlatformSettings.MAIL_SECURITY.key(), "none");
        overrides.put("rose-ash.events.mail-interval", "PT0.2S");
        events = new RoutedService(EventsService.parts(overrides));
    }

    public HttpResponse<String> get(String path, String... headers) {
        return events.get(path, headers);
    }

    public RoutedClient visitor() {
        return events.visitor();
    }

    /** A new browser with {@code subject} signed in on events. */
    public RoutedClient member(String subject, String... roles) {
        return events.visitor().signedIn(redisCache, ServiceName.EVENTS, Map.of("sub", subject, "name", "Member " + subject,
                "email", subject + "@example.org", "roles", roles.length == 0 ? "member" : String.join(",", roles)));
    }

    /** The internal socket, as another service calls it. */
    public RoutedClient internal() {
        return events.internalClient();
    }

    public String fragment(String pathAndQuery) {
        return events.internal("/internal/fragments/" + pathAndQuery).body();
    }

    public void sql(String statement, Object... parameters) {
        db.client().execute().dml(statement, parameters);
    }

    public long count(String sql, Object... parameters) {
        return db.client().execute().get(sql, parameters).orElseThrow().column(1).getLong();
    }

    /** A calendar in {@code zone}; returns its id. */
    public long calendar(String slug, String zone) {
        sql("INSERT INTO events.calendars (slug, name, time_zone) VALUES (?, ?, ?)", slug, "Calendar " + slug, zone);
        return count("SELECT id FROM events.calendars WHERE slug = ?", slug);
    }

    /** An event as the editor stores it; local times as ISO text ({@code 2026-10-14T10:00}). */
    public long event(long calendar, String slug, String title, String start, String end, String zone, String rrule,
                      Integer places) {
        sql("""
                INSERT INTO events.events (calendar_id, slug, title, description_markdown, description_html, starts_local,
                    ends_local, time_zone, rrule, places)
                VALUES (?, ?, ?, ?, ?, ?::timestamp, ?::timestamp, ?, ?, ?)""", calendar, slug, title, "About " + title,
                "<p>About " + title + "</p>", start, end, zone, rrule, places);
        return count("SELECT id FROM events.events WHERE slug = ?", slug);
    }

    @Override
    public void close() {
        events.close();
        smtp.stop();
        redisCache.close();
        redis.close();
        db.close();
    }
}
