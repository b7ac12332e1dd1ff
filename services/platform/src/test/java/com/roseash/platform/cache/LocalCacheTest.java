package com.roseash.platform.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalCacheTest {

    @Test
    void aKeptValueIsServedWithoutLoadingAgain() {
        LocalCache cache = new LocalCache(Duration.ofMinutes(1), 10);
        AtomicInteger loads = new AtomicInteger();

        assertThat(cache.get("home", () -> Optional.of("page " + loads.incrementAndGet()))).contains("page 1");
        assertThat(cache.get("home", () -> Optional.of("page " + loads.incrementAndGet()))).contains("page 1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void nothingIsKeptWhenTheLoadGivesNothing() {
        LocalCache cache = new LocalCache(Duration.ofMinutes(1), 10);

        assertThat(cache.get("nav", Optional::empty)).isEmpty();
        assertThat(cache.get("nav", () -> Optional.of("menu"))).contains("menu");
    }

    @Test
    void anExpiredValueIsGone() {
        LocalCache cache = new LocalCache(Duration.ZERO, 10);
        cache.put("home", "stale");

        assertThat(cache.get("home")).isEmpty();
    }

    @Test
    void invalidationDropsOnlyTheMatchingKeys() {
        LocalCache cache = new LocalCache(Duration.ofMinutes(1), 10);
        cache.put("blog:nav", "menu");
        cache.put("cart:cart-mini", "2 items");

        cache.invalidate(key -> key.startsWith("blog:"));

        assertThat(cache.get("blog:nav")).isEmpty();
        assertThat(cache.get("cart:cart-mini")).contains("2 items");
    }

    @Test
    void pastItsBoundItStartsOverRatherThanGrow() {
        LocalCache cache = new LocalCache(Duration.ofMinutes(1), 2);
        cache.put("a", "1");
        cache.put("b", "2");
        cache.put("c", "3");

        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.get("c")).contains("3");
    }
}
