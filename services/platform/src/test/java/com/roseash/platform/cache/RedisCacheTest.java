package com.roseash.platform.cache;

import java.time.Duration;

import com.roseash.platform.testing.TestRedis;
import io.helidon.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisCacheTest {

    @Test
    void storesAndExpiresValues() {
        try (RedisCache cache = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)))) {
            cache.put("test:a", "<p>a</p>", Duration.ofMillis(300));
            cache.put("test:b", "<p>b</p>", Duration.ofMinutes(1));

            assertThat(cache.get("test:a")).contains("<p>a</p>");
            await().atMost(Duration.ofSeconds(5)).until(() -> cache.get("test:a").isEmpty());
            assertThat(cache.get("test:b")).contains("<p>b</p>");
        }
    }

    @Test
    void deleteByPrefixForgetsOnlyThatPrefix() {
        try (RedisCache cache = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)))) {
            for (int i = 0; i < 1200; i++) {
                cache.put("prefix-test:page:" + i, "x", Duration.ofMinutes(1));
            }
            cache.put("prefix-test:other", "kept", Duration.ofMinutes(1));

            cache.deleteByPrefix("prefix-test:page:");

            assertThat(cache.get("prefix-test:page:7")).isEmpty();
            assertThat(cache.get("prefix-test:page:1199")).isEmpty();
            assertThat(cache.get("prefix-test:other")).contains("kept");
        }
    }

    @Test
    void withRedisStoppedEveryOperationIsAMissAndReadinessSaysDegraded() {
        try (TestRedis redis = TestRedis.startNew();
             RedisCache cache = new RedisCache(new RedisSettings(redis.url(), Duration.ofMillis(250)))) {
            cache.put("k", "v", Duration.ofMinutes(1));
            assertThat(cache.get("k")).contains("v");
            assertThat(cache.readinessCheck().call().details()).containsEntry("redis", "up");

            redis.stop();

            assertThat(cache.get("k")).isEmpty();
            cache.put("k2", "v2", Duration.ofMinutes(1));
            assertThat(cache.isAvailable()).isFalse();
            HealthCheckResponse readiness = cache.readinessCheck().call();
            assertThat(readiness.status()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(readiness.details()).containsEntry("redis", "unreachable");
            assertThat((String) readiness.details().get("mode")).startsWith("degraded");

            redis.start();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                cache.put("k3", "back", Duration.ofMinutes(1));
                assertThat(cache.get("k3")).contains("back");
            });
            assertThat(cache.isAvailable()).isTrue();
        }
    }

    @Test
    void aServiceStartsWithRedisAlreadyDown() {
        String nowhere = "redis://127.0.0.1:" + TestRedis.freePort();
        try (RedisCache cache = new RedisCache(new RedisSettings(nowhere, Duration.ofMillis(200)))) {
            assertThat(cache.get("anything")).isEmpty();
            assertThat(cache.readinessCheck().call().details()).containsEntry("redis", "unreachable");
        }
    }
}
