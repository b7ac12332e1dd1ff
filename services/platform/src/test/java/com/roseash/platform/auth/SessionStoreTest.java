package com.roseash.platform.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.roseash.platform.cache.Announcements;
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

            // The copy read last is used for at most a few seconds; then the visitor is anonymous.
            await().atMost(SessionStore.KEPT_FOR.plusSeconds(5)).until(() -> store.find(session.id()).isEmpty());
            assertThat(store.create(Map.of("user", "2"))).isEmpty();
            own.start();
        }
    }

    @Test
    void aSessionReadOnceIsUsedWithoutAskingRedisAgainForAFewSeconds() {
        try (TestRedis own = TestRedis.startNew();
             RedisCache redis = new RedisCache(new RedisSettings(own.url(), Duration.ofMillis(250)))) {
            subscribed(redis);
            SessionStore store = new SessionStore(redis, "test", Duration.ofMinutes(30), Duration.ofHours(8),
                    Duration.ofMinutes(1));
            Session session = store.create(Map.of("user", "7")).orElseThrow();
            SessionStore otherProcess = new SessionStore(redis, "test", Duration.ofMinutes(30), Duration.ofHours(8),
                    Duration.ofMinutes(1));
            assertThat(otherProcess.find(session.id())).isPresent();

            own.hang();
            try {
                // Redis answers nothing now: both copies are what signed-in pages use meanwhile.
                assertThat(store.find(session.id())).get().extracting(s -> s.attribute("user")).isEqualTo("7");
                assertThat(otherProcess.find(session.id())).isPresent();
            } finally {
                own.resume();
            }
        }
    }

    @Test
    void signingOutInOneProcessEndsTheCopyAnotherKept() {
        try (RedisCache here = cache(); RedisCache there = cache()) {
            subscribed(here);
            subscribed(there);
            // Kept for far longer than the test waits: only the announcement can end the other copy.
            SessionStore signingOut = new SessionStore(here, "test", Duration.ofMinutes(30), Duration.ofHours(8),
                    Duration.ofMinutes(10));
            SessionStore elsewhere = new SessionStore(there, "test", Duration.ofMinutes(30), Duration.ofHours(8),
                    Duration.ofMinutes(10));
            Session session = signingOut.create(Map.of("user", "9")).orElseThrow();
            assertThat(elsewhere.find(session.id())).isPresent();

            signingOut.delete(session.id());

            assertThat(signingOut.find(session.id())).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> elsewhere.find(session.id()).isEmpty());
        }
    }

    /** Waits until {@code redis} hears ended sessions (whose first message, "everything", drops every copy). */
    private static void subscribed(RedisCache redis) {
        List<String> heard = new CopyOnWriteArrayList<>();
        redis.endedSessions().listen(heard::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(Announcements.EVERYTHING));
    }

    private static RedisCache cache() {
        return new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)));
    }
}
