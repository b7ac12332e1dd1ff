package com.roseash.market.stock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.roseash.market.MarketService;
import com.roseash.market.testing.MarketDatabase;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.market.MarketClient;
import com.roseash.platform.market.Offer;
import com.roseash.platform.market.OrderLine;
import com.roseash.platform.market.Reservation;
import com.roseash.platform.market.ReservationRequest;
import com.roseash.platform.money.Money;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The market's contract for cart, as cart meets it: the platform's {@link MarketClient} against the market
 * running on its sockets. Prices come from the market; stock is held all or nothing, once per order.
 */
class StockReservationTest {

    private static DatabaseSettings settings;
    private static Database database;
    private static TestRedis redis;
    private static RunningService market;
    private static MarketClient client;

    @BeforeAll
    static void start() {
        settings = MarketDatabase.migrated();
        database = Database.connect(settings);
        redis = TestRedis.startNew();
        market = MarketService.start(TestServices.overrides(settings, redis.url()));
        client = new MarketClient("http://127.0.0.1:" + market.internalPort() + "/", Duration.ofSeconds(10));
        product("jam", "Damson jam", 395, 10);
        product("loaf", "Sourdough loaf", 420, 2);
        product("starter", "Rye starter", 200, null);
        product("last-five", "The last five", 1000, 5);
        product("release-me", "Given back", 100, 4);
        sql("INSERT INTO market.products (slug, title, price_minor, currency, status, stock) "
                + "VALUES ('draft-thing', 'Not yet', 100, 'GBP', 'draft', 9)");
    }

    @AfterAll
    static void stop() {
        market.close();
        redis.close();
        database.close();
    }

    @Test
    void offersArePublishedProductsPricedByTheMarket() {
        List<Offer> offers = client.offers(List.of("jam", "starter", "draft-thing", "no-such-thing"));

        assertThat(offers).extracting(Offer::slug).containsExactly("jam", "starter");
        assertThat(offers.getFirst().price()).isEqualTo(Money.ofMinor(395, "GBP"));
        assertThat(offers.getFirst().available(10)).isTrue();
        assertThat(offers.getFirst().available(11)).isFalse();
        assertThat(offers.get(1).unlimited()).isTrue();
    }

    @Test
    void anOrderHoldsAllItsLinesOrNone() {
        Reservation tooMany = client.reserve(new ReservationRequest("order-short", Map.of("jam", 3, "loaf", 3)));

        assertThat(tooMany).isEqualTo(new Reservation.Refused("loaf", "Only 2 of Sourdough loaf left; 3 asked for."));
        assertThat(stock("jam")).as("the jam taken before the loaf was refused is back").isEqualTo(10);

        Reservation held = client.reserve(new ReservationRequest("order-fits", Map.of("jam", 3, "loaf", 2, "starter", 7)));

        assertThat(held).isInstanceOf(Reservation.Held.class);
        assertThat(((Reservation.Held) held).lines()).containsExactly(
                new OrderLine("jam", "Damson jam", 3, Money.ofMinor(395, "GBP")),
                new OrderLine("loaf", "Sourdough loaf", 2, Money.ofMinor(420, "GBP")),
                new OrderLine("starter", "Rye starter", 7, Money.ofMinor(200, "GBP")));
        assertThat(stock("jam")).isEqualTo(7);
        assertThat(stock("loaf")).isZero();
        assertThat(client.reserve(new ReservationRequest("order-late", Map.of("loaf", 1))))
                .isEqualTo(new Reservation.Refused("loaf", "Sourdough loaf has sold out."));
        assertThat(client.reserve(new ReservationRequest("order-odd", Map.of("draft-thing", 1))))
                .isEqualTo(new Reservation.Refused("draft-thing", "Not yet is no longer for sale."));
        assertThat(client.reserve(new ReservationRequest("order-none", Map.of("no-such-thing", 1))))
                .isEqualTo(new Reservation.Refused("no-such-thing", "There is no product no-such-thing."));
    }

    @Test
    void askingAgainForTheSameOrderTakesNothingMore() {
        ReservationRequest request = new ReservationRequest("order-retried", Map.of("release-me", 1));

        Reservation first = client.reserve(request);
        Reservation again = client.reserve(request);

        assertThat(again).isEqualTo(first).isInstanceOf(Reservation.Held.class);
        assertThat(stock("release-me")).isEqualTo(3);
        assertThat(client.release("order-retried")).isTrue();
        assertThat(client.release("order-retried")).as("given back once").isFalse();
        assertThat(stock("release-me")).isEqualTo(4);
        assertThat(client.release("never-held")).isFalse();
    }

    @Test
    void twentyConcurrentCheckoutsForTheLastFiveItemsSellExactlyFive() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reservation>> answers = new ArrayList<>();
        try (ExecutorService shoppers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < 20; n++) {
                String order = "race-" + n;
                answers.add(shoppers.submit(() -> {
                    start.await();
                    return client.reserve(new ReservationRequest(order, Map.of("last-five", 1)));
                }));
            }
            start.countDown();
            List<Reservation> results = new ArrayList<>();
            for (Future<Reservation> answer : answers) {
                results.add(answer.get());
            }

            assertThat(results).filteredOn(r -> r instanceof Reservation.Held).hasSize(5);
            assertThat(results).filteredOn(r -> r instanceof Reservation.Refused)
                    .hasSize(15).allSatisfy(r -> assertThat(((Reservation.Refused) r).reason()).contains("sold out"));
        }
        assertThat(stock("last-five")).isZero();
        assertThat(count("SELECT count(*) FROM market.reservations r JOIN market.products p ON p.id = r.product_id "
                + "WHERE p.slug = 'last-five'")).isEqualTo(5);
    }

    @Test
    void malformedRequestsAreRefusedWithTheReason() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI reservations = URI.create("http://127.0.0.1:" + market.internalPort() + "/internal/market/reservations");
        for (Map.Entry<String, String> bad : Map.of(
                "{not json", "not JSON",
                "{\"orderId\": \"o-1\"}", "a reservation is",
                "{\"orderId\": \"o-1\", \"lines\": [{\"slug\": \"jam\", \"quantity\": 0}]}", "quantity of jam must be 1 to 1000",
                "{\"orderId\": \"o-1\", \"lines\": [{\"slug\": \"jam\", \"quantity\": 1.5}]}", "a whole \\\"quantity\\\"",
                "{\"orderId\": \"o 1\", \"lines\": [{\"slug\": \"jam\", \"quantity\": 1}]}", "orderId must be",
                "{\"orderId\": \"o-1\", \"lines\": [{\"slug\": \"jam\", \"quantity\": 1}, {\"slug\": \"jam\", \"quantity\": 2}]}",
                "jam is on the order twice").entrySet()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(reservations)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(bad.getKey())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.body()).as(bad.getKey()).contains(bad.getValue());
        }
        assertThat(stock("jam")).as("nothing taken").isGreaterThanOrEqualTo(7);
    }

    private static void product(String slug, String title, long priceMinor, Integer stock) {
        sql("INSERT INTO market.products (slug, title, price_minor, currency, status, stock, published_at) "
                + "VALUES (?, ?, ?, 'GBP', 'published', ?, now())", slug, title, priceMinor, stock);
    }

    private static void sql(String statement, Object... parameters) {
        database.client().execute().dml(statement, parameters);
    }

    private static int stock(String slug) {
        return database.client().execute().get("SELECT stock FROM market.products WHERE slug = ?", slug)
                .map(row -> row.column("stock").getInt()).orElseThrow();
    }

    private static long count(String sql) {
        return database.client().execute().get(sql).map(row -> row.column(1).getLong()).orElseThrow();
    }
}
