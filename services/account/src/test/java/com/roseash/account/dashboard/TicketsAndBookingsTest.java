package com.roseash.account.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.roseash.account.AccountService;
import com.roseash.contract.ServiceName;
import com.roseash.events.EventsService;
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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's tickets and bookings from the real events service on loopback: the member's own, with the
 * ticket's QR code; with events stopped, those two sections say they cannot be shown and the page still renders.
 */
class TicketsAndBookingsTest {

    @Test
    void aMemberSeesTheirTicketsWithQrCodesAndTheirBookingsAndTheRestWhenEventsIsDown() {
        DatabaseSettings database = TestPostgres.shared().newDatabase();
        new Migrator(database, List.of(EventsService.MIGRATIONS, AccountService.MIGRATIONS)).migrateAll();
        EventsService.loadDemoEventsIfEmpty(database);
        try (Database db = Database.connect(database)) {
            db.client().execute().dml("INSERT INTO events.tickets (code, ticket_type_id, order_id, member, email, mailed_at)"
                    + " SELECT 'ABCD-EFGH-JKMN-PQRS-TVWX', id, 'order-1', '7', 'ada@example.org', now()"
                    + " FROM events.ticket_types WHERE slug = 'apple-day-adult'");
            db.client().execute().dml("INSERT INTO events.bookings (event_id, member, email, name, places, state, mailed_at)"
                    + " SELECT id, '7', 'ada@example.org', 'Ada', 2, 'booked', now() FROM events.events"
                    + " WHERE slug = 'bread-workshop-evening'");
            db.client().execute().dml("INSERT INTO events.bookings (event_id, member, email, name, places, state, mailed_at)"
                    + " SELECT id, '8', 'bob@example.org', 'Bob', 1, 'booked', now() FROM events.events"
                    + " WHERE slug = 'bread-workshop-evening'");
        }
        TestRedis redis = TestRedis.shared();
        RunningService events = EventsService.start(TestServices.overrides(database, redis.url()));
        Map<String, String> overrides = TestServices.overrides(database, redis.url());
        overrides.put(PlatformSettings.internalUrl(ServiceName.EVENTS).key(), "http://127.0.0.1:" + events.internalPort());
        overrides.put(PlatformSettings.FRAGMENT_TTL.key(), "PT0S");
        try (RoutedService account = new RoutedService(AccountService.parts(overrides));
             RedisCache cache = new RedisCache(new RedisSettings(redis.url(), Duration.ofSeconds(1)))) {
            RoutedClient ada = account.visitor().signedIn(cache, ServiceName.ACCOUNT, Map.of("sub", "7", "name", "Ada",
                    "email", "ada@example.org", "roles", "member"));

            String dashboard = ada.get("/", "Accept", "text/html").body();

            assertThat(dashboard).contains("<h2>Your tickets</h2>").contains("Apple Day, Adult")
                    .contains("ABCD-EFGH-JKMN-PQRS-TVWX").contains("<svg class=\"qr\"")
                    .contains("<h2>Your bookings</h2>").contains("Bread workshop").contains("2 place(s) booked")
                    .doesNotContain("bob@example.org");

            events.close();
            String degraded = ada.get("/", "Accept", "text/html").body();
            assertThat(degraded).contains("<h1>Your account</h1>").contains("Your tickets cannot be shown just now.")
                    .contains("Your bookings cannot be shown just now.").doesNotContain("ABCD-EFGH");
        } finally {
            events.close();
        }
    }
}
