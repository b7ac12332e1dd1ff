package com.roseash.platform.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Strings kept in this process for a short time, so a page that every visitor sees alike costs no network
 * round trip. Staleness is bounded twice: a change anywhere on the platform empties the copies it concerns
 * at once ({@link Announcements}), and every copy expires after its time to live anyway, in case a change
 * was announced while this process could not hear it. Bounded in size: past {@code maxEntries} it starts
 * over empty, which costs one miss per key and no bookkeeping per hit.
 */
public final class LocalCache {

    private final Duration ttl;
    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public LocalCache(Duration ttl, int maxEntries) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    public Optional<String> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expired(System.nanoTime())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** The kept value, or {@code load}'s, which is kept when present. */
    public Optional<String> get(String key, Supplier<Optional<String>> load) {
        Optional<String> kept = get(key);
        if (kept.isPresent()) {
            return kept;
        }
        Optional<String> loaded = load.get();
        loaded.ifPresent(value -> put(key, value));
        return loaded;
    }

    public void put(String key, String value) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry(value, System.nanoTime() + ttl.toNanos()));
    }

    /** Forgets the keys {@code stale} matches. */
    public void invalidate(Predicate<String> stale) {
        entries.keySet().removeIf(stale);
    }

    public void clear() {
        entries.clear();
    }

    private record Entry(String value, long expiresAtNanos) {
        boolean expired(long now) {
            return now - expiresAtNanos >= 0;
        }
    }
}
