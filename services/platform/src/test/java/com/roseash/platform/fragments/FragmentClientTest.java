package com.roseash.platform.fragments;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.roseash.contract.ServiceName;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.faults.Breakers;
import com.roseash.platform.testing.TestRedis;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FragmentClientTest {

    private static final Fragment CART_MINI = new Fragment(ServiceName.CART, "cart-mini");
    private static final Fragment ACCOUNT_MENU = new Fragment(ServiceName.FEDERATION, "account-menu");
    private static final Duration SLOW_SERVICE_HOLD = Duration.ofSeconds(30);
    /** What a call may take beyond its timeout: connection set-up, Redis, a busy machine. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    private HttpServer cartService;
    private final AtomicInteger cartCalls = new AtomicInteger();
    /** How many items the cart fragment says: a test changes it to see when the service is asked again. */
    private final AtomicInteger cartItems = new AtomicInteger(2);
    private final CountDownLatch releaseSlowAnswer = new CountDownLatch(1);
    private final AtomicBoolean slowAsked = new AtomicBoolean();
    private final AtomicBoolean slowAnswerSent = new AtomicBoolean();
    private RedisCache cache;
    private final AtomicBoolean hung = new AtomicBoolean(true);
    private final AtomicInteger hungCalls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        cartService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cartService.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        cartService.createContext("/internal/fragments/cart-mini", exchange -> {
            cartCalls.incrementAndGet();
            answer(exchange, "<a class=\"cart-mini\">" + cartItems.get() + " items</a>");
        });
        cartService.createContext("/internal/fragments/slow", exchange -> {
            slowAsked.set(true);
            try {
                // Held far longer than any timeout a test sets: a client that waits for it fails clearly.
                releaseSlowAnswer.await(SLOW_SERVICE_HOLD.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slowAnswerSent.set(true);
            answer(exchange, "<p>too late</p>");
        });
        cartService.createContext("/internal/fragments/hung", exchange -> {
            hungCalls.incrementAndGet();
            while (hung.get()) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
            answer(exchange, "<p>awake</p>");
        });
        cartService.start();
        cache = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)));
        cache.deleteByPrefix("rose-ash:fragment:");
    }

    @AfterEach
    void stop() {
        releaseSlowAnswer.countDown();
        hung.set(false);
        cartService.stop(0);
        cache.close();
    }

    @Test
    void fetchesAFragmentAndServesItFromTheCacheForItsTtl() {
        Duration ttl = Duration.ofMillis(1500);
        FragmentClient client = client(Map.of(ServiceName.CART, cartUrl()), Duration.ofSeconds(2), ttl);

        assertThat(client.fetch(CART_MINI)).isEqualTo("<a class=\"cart-mini\">2 items</a>");
        long fetchedAt = System.nanoTime();
        cartItems.set(3);
        assertThat(client.fetch(CART_MINI)).as("the kept copy, within its TTL")
                .isEqualTo("<a class=\"cart-mini\">2 items</a>");
        assertThat(cartCalls).as("the service is not asked again within the TTL").hasValue(1);
        assertThat(Duration.ofNanos(System.nanoTime() - fetchedAt)).as("the second fetch came before the TTL ran out")
                .isLessThan(ttl);

        // Past the TTL, neither this process's copy nor Redis's is used: the service is asked and its new answer shown.
        sleepUntil(fetchedAt + ttl.plusMillis(300).toNanos());
        assertThat(client.fetch(CART_MINI)).as("after the TTL of " + ttl.toMillis() + " ms")
                .isEqualTo("<a class=\"cart-mini\">3 items</a>");
        assertThat(cartCalls).hasValue(2);

        cartService.stop(0);
        assertThat(client.fetch(CART_MINI)).as("still kept while its service is down").contains("3 items");
    }

    @Test
    void aFragmentKeptInProcessCostsNoRoundTripAndAChangeAnnouncedElsewhereDropsIt() {
        FragmentClient client = client(Map.of(ServiceName.CART, cartUrl()), Duration.ofSeconds(2));
        subscribed(cache);
        assertThat(client.fetch(CART_MINI)).contains("2 items");

        try (RedisCache elsewhere = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)))) {
            cache.close();
            assertThat(client.fetch(CART_MINI)).as("from this process: neither Redis nor cart asked").contains("2 items");
            assertThat(cartCalls).hasValue(1);
            cache = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)));
            FragmentClient listening = client(Map.of(ServiceName.CART, cartUrl()), Duration.ofSeconds(2));
            listening.fetch(CART_MINI);
            int before = cartCalls.get();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                // Another replica of cart announces a change: this process's copy (and Redis's) must go.
                elsewhere.deleteByPrefix("rose-ash:fragment:cart:");
                elsewhere.contentChanges().announce(ServiceName.CART.id());
                listening.fetch(CART_MINI);
                assertThat(cartCalls.get()).isGreaterThan(before);
            });
        }
    }

    @Test
    void aFragmentOfItsParametersIsKeptPerParametersAndAPersonalOneNever() {
        FragmentClient client = client(Map.of(ServiceName.CART, cartUrl()), Duration.ofSeconds(2));

        client.fetchForParameters(CART_MINI, Map.of("return", "/a/"));
        client.fetchForParameters(CART_MINI, Map.of("return", "/a/"));
        client.fetchForParameters(CART_MINI, Map.of("return", "/b/"));
        assertThat(cartCalls).as("one call per distinct parameters").hasValue(2);

        client.fetchPersonal(CART_MINI, Map.of("return", "/a/"));
        client.fetchPersonal(CART_MINI, Map.of("return", "/a/"));
        assertThat(cartCalls).hasValue(4);
    }

    @Test
    void aServiceThatIsDownGivesThePlaceholderAndIsCounted() {
        URI nowhere = URI.create("http://127.0.0.1:" + TestRedis.freePort());
        FragmentClient client = client(Map.of(ServiceName.FEDERATION, nowhere), Duration.ofSeconds(1));
        double before = unavailableCount(ACCOUNT_MENU);

        String html = client.fetch(ACCOUNT_MENU);

        assertThat(html).isEqualTo(FragmentClient.placeholder(ACCOUNT_MENU))
                .contains("data-fragment=\"account-menu\"");
        assertThat(unavailableCount(ACCOUNT_MENU)).isEqualTo(before + 1);
    }

    @Test
    void aSlowServiceGivesThePlaceholderWithoutWaitingForIt() {
        Fragment slow = new Fragment(ServiceName.CART, "slow");
        Duration timeout = Duration.ofMillis(300);
        FragmentClient client = client(Map.of(ServiceName.CART, cartUrl()), timeout);

        long start = System.nanoTime();
        String html = client.fetch(slow);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(slowAsked).as("the slow service was asked").isTrue();
        assertThat(html).isEqualTo(FragmentClient.placeholder(slow));
        assertThat(took).as("gave up after its %d ms timeout (the service holds its answer %d s)", timeout.toMillis(),
                SLOW_SERVICE_HOLD.toSeconds()).isLessThan(timeout.plus(MARGIN));
        assertThat(slowAnswerSent).as("the client gave up before the service answered").isFalse();
    }

    @Test
    void aHungServiceIsNotAskedOnEveryPageOnceItsCircuitOpensAndIsAskedAgainOnceItAnswers() {
        Fragment sleepy = new Fragment(ServiceName.CART, "hung");
        FragmentClient client = client(Map.of(ServiceName.CART, cartUrl()), Duration.ofMillis(100));

        for (int i = 0; i < 40; i++) {
            assertThat(client.fetch(sleepy)).isEqualTo(FragmentClient.placeholder(sleepy));
        }
        assertThat(hungCalls.get()).as("asked until the circuit opened, then only to try again")
                .isLessThanOrEqualTo(Breakers.VOLUME + 2);

        hung.set(false);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(client.fetch(sleepy)).contains("awake"));
    }

    @Test
    void fetchAllKeepsOrderAndDegradesEachFragmentOnItsOwn() {
        FragmentClient client = client(Map.of(ServiceName.CART, cartUrl()), Duration.ofSeconds(1));

        Map<Fragment, String> fragments = client.fetchAll(List.of(CART_MINI, ACCOUNT_MENU));

        assertThat(fragments.keySet()).containsExactly(CART_MINI, ACCOUNT_MENU);
        assertThat(fragments.get(CART_MINI)).contains("2 items");
        assertThat(fragments.get(ACCOUNT_MENU)).isEqualTo(FragmentClient.placeholder(ACCOUNT_MENU));
    }

    /** Waits until {@code redis} hears announcements (its first subscription empties every copy kept so far). */
    private static void subscribed(RedisCache redis) {
        AtomicBoolean listening = new AtomicBoolean();
        redis.contentChanges().listen(changed -> listening.set(true));
        await().atMost(Duration.ofSeconds(10)).untilTrue(listening);
    }

    private FragmentClient client(Map<ServiceName, URI> urls, Duration timeout) {
        return client(urls, timeout, Duration.ofMinutes(1));
    }

    private FragmentClient client(Map<ServiceName, URI> urls, Duration timeout, Duration ttl) {
        return new FragmentClient(urls, cache, timeout, ttl);
    }

    private static void sleepUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private URI cartUrl() {
        return URI.create("http://127.0.0.1:" + cartService.getAddress().getPort());
    }

    private static double unavailableCount(Fragment fragment) {
        return Metrics.globalRegistry().getOrCreate(Counter.builder("rose_ash_fragments_unavailable")
                .tags(List.of(Metrics.tag("service", fragment.service().id()), Metrics.tag("type", fragment.type())))).count();
    }

    private static void answer(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
