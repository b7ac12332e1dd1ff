package com.roseash.platform.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.db.Database;
import com.roseash.platform.fragments.Fragment;
import com.roseash.platform.fragments.FragmentClient;
import com.roseash.platform.testing.TestPostgres;
import com.roseash.platform.testing.TestRedis;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each round-trip counter moves by exactly one per call of its kind, against real PostgreSQL, Redis and an
 * HTTP server: the benchmark's per-request figures are only as good as these counts.
 */
class RoundTripsTest {

    private static final int DB = 0;
    private static final int REDIS = 1;
    private static final int HTTP = 2;

    @Test
    void countsEachPostgresStatement() {
        try (Database database = Database.connect(TestPostgres.shared().newDatabase())) {
            long[] before = RoundTrips.counts();

            database.client().execute().get("SELECT 1 AS ok");
            database.client().execute().query("SELECT 2 AS two").toList();

            assertThat(delta(before)).containsExactly(2, 0, 0);
        }
    }

    @Test
    void countsEachRedisCommandAScriptAsOne() {
        try (RedisCache cache = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)))) {
            cache.get("round-trips:warm");
            long[] before = RoundTrips.counts();

            cache.put("round-trips:a", "a", Duration.ofMinutes(1));
            cache.get("round-trips:a");
            cache.putHash("round-trips:h", Map.of("f", "v"), Duration.ofMinutes(1));

            assertThat(delta(before)[REDIS]).isEqualTo(3);
            assertThat(delta(before)[DB]).isZero();
        }
    }

    @Test
    void countsEachHttpCallToAnotherService() throws IOException {
        HttpServer federation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        federation.createContext("/internal/fragments/account-menu", exchange -> {
            byte[] body = "<nav>menu</nav>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        federation.start();
        try (RedisCache cache = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)))) {
            URI url = URI.create("http://127.0.0.1:" + federation.getAddress().getPort() + "/");
            FragmentClient client = new FragmentClient(Map.of(ServiceName.FEDERATION, url), cache,
                    Duration.ofSeconds(5), Duration.ofMinutes(1));
            long[] before = RoundTrips.counts();

            client.fetchPersonal(new Fragment(ServiceName.FEDERATION, "account-menu"), Map.of());
            client.fetchPersonal(new Fragment(ServiceName.FEDERATION, "account-menu"), Map.of());

            assertThat(delta(before)[HTTP]).isEqualTo(2);
        } finally {
            federation.stop(0);
        }
    }

    private static long[] delta(long[] before) {
        long[] now = RoundTrips.counts();
        return new long[] {now[DB] - before[DB], now[REDIS] - before[REDIS], now[HTTP] - before[HTTP]};
    }
}
