package com.roseash.platform.cache;

import java.time.Duration;

import com.roseash.platform.testing.TestRedis;
import io.helidon.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis hung (stopped with SIGSTOP: connections open, nothing answers): after a few misses the circuit
 * opens and the cache answers "miss" without waiting; readiness says so and stays up; once Redis answers
 * again the cache comes back by itself.
 */
class HungRedisTest {

    @Test
    void aHungRedisIsNotWaitedForOnceTheCircuitOpensAndIsUsedAgainOnceItAnswers() {
        try (TestRedis redis = TestRedis.startNew();
             RedisCache cache = new RedisCache(new RedisSettings(redis.url(), Duration.ofMillis(200)))) {
            cache.put("greeting", "hello", Duration.ofMinutes(1));
            assertThat(cache.get("greeting")).contains("hello");

            redis.hang();
            try {
                for (int i = 0; i < 20; i++) {
                    assertThat(cache.get("greeting")).as("a miss, never an error").isEmpty();
                }
                HealthCheckResponse ready = cache.readinessCheck().call();
                assertThat(ready.status()).isEqualTo(HealthCheckResponse.Status.UP);
                assertThat(ready.details()).containsEntry("redis", "unreachable (circuit open)");
            } finally {
                redis.resume();
            }

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(cache.get("greeting")).as("back by itself").contains("hello");
            });
            assertThat(cache.readinessCheck().call().details()).containsEntry("redis", "up");
        }
    }
}
