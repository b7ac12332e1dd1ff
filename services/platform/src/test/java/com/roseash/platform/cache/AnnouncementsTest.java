package com.roseash.platform.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two processes of the platform, as two caches on one Redis: what one announces, the other hears. */
class AnnouncementsTest {

    @Test
    void aChangeAnnouncedByOneProcessIsHeardByAnotherAndByItself() {
        try (RedisCache one = cache(); RedisCache other = cache()) {
            List<String> heardHere = new CopyOnWriteArrayList<>();
            List<String> heardThere = new CopyOnWriteArrayList<>();
            one.contentChanges().listen(heardHere::add);
            other.contentChanges().listen(heardThere::add);
            await().atMost(Duration.ofSeconds(10)).until(() -> heardThere.contains(Announcements.EVERYTHING));

            one.contentChanges().announce("blog");

            assertThat(heardHere).as("at once, without a round trip").contains("blog");
            await().atMost(Duration.ofSeconds(10)).until(() -> heardThere.contains("blog"));
        }
    }

    @Test
    void aProcessStartedWhileRedisIsDownHearsOnceItIsBack() {
        try (TestRedis redis = TestRedis.startNew()) {
            redis.stop();
            try (RedisCache late = new RedisCache(new RedisSettings(redis.url(), Duration.ofMillis(250)))) {
                List<String> heard = new CopyOnWriteArrayList<>();
                late.contentChanges().listen(heard::add);

                redis.start();

                // Anything may have changed while it could not hear: it is told to drop everything.
                await().atMost(Duration.ofSeconds(15)).until(() -> heard.contains(Announcements.EVERYTHING));
            }
        }
    }

    private static RedisCache cache() {
        return new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)));
    }
}
