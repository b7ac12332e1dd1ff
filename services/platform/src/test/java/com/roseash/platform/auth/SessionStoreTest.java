package com.roseash.platform.auth;

import java.time.Duration;
import java.util.Map;

import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SessionStoreTest {

    @Test
    void aSessionIsFoundByItsIdUntilDeleted() {
        try (RedisCache redis = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)))) {
            SessionStore store = new SessionStore(redis, "test", Duration.ofMinutes(30), Duration.ofHours(8));

            Session session = store.create(Map.of("user", "42", "name", "Maren")).orElseThrow();

            assertThat(session.id()).hasSize(43);
            assertThat(store.find(session.id())).get().satisfies(found -> {
                assertThat(found.attribute("user")).isEqualTo("42");
                assertThat(found.attributes()).doesNotContainKey("_created");
            });
            store.delete(session.id());
            assertThat(store.find(session.id())).isEmpty();
            assertThat(store.find("not-a-session")).isEmpty();
        }
    }

    @Test
    void anIdleSessionExpiresButUseKeepsItAlive() {
        try (RedisCache redis = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)))) {
            SessionStore store = new SessionStore(redis, "test", Duration.ofMillis(800), Duration.ofHours(8));
            Session kept = store.create(Map.of("user", "1")).orElseThrow();
            Session idle = store.create(Map.of("user", "2")).orElseThrow();

            await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10)).until(() -> {
                boolean keptAlive = store.find(kept.id()).isPresent();
                return keptAlive && redis.getHash("rose-ash:test:session:" + idle.id()).isEmpty();
            });
            assertThat(store.find(kept.id())).isPresent();
        }
    }

    @Test
    void theAbsoluteTimeoutEndsEvenABusySession() {
        try (RedisCache redis = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)))) {
            SessionStore store = new SessionStore(redis, "test", Duration.ofMinutes(30), Duration.ofMillis(700));
            Session session = store.create(Map.of("user", "1")).orElseThrow();

            await().pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(10))
                    .until(() -> store.find(session.id()).isEmpty());
        }
    }

    @Test
    void withoutRedisNoSessionIsCreatedAndNoneIsFound() {
        try (TestRedis own = TestRedis.startNew();
             RedisCache redis = new RedisCache(new RedisSettings(own.url(), Duration.ofMillis(250)))) {
            SessionStore store = new SessionStore(redis, "test", Duration.ofMinutes(30), Duration.ofHours(8));
            Session session = store.create(Map.of("user", "1")).orElseThrow();

            own.stop();

            assertThat(store.find(session.id())).isEmpty();
            assertThat(store.create(Map.of("user", "2"))).isEmpty();
            own.start();
        }
    }
}
