package com.roseash.platform.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rendered pages of one service, keyed by path, query and variant (full page or boosted fragment).
 * Only anonymous GETs are cached; see {@code PageRenderer}.
 */
public final class PageCache {

    private final RedisCache cache;
    private final String prefix;
    private final Duration ttl;

    public PageCache(RedisCache cache, String service, Duration ttl) {
        this.cache = cache;
        this.prefix = "rose-ash:" + service + ":page:";
        this.ttl = ttl;
    }

    /** The cached HTML, or {@code render}'s result, which is stored for next time. */
    public String getOrRender(String key, Supplier<String> render) {
        Optional<String> cached = cache.get(prefix + key);
        if (cached.isPresent()) {
            return cached.get();
        }
        String html = render.get();
        cache.put(prefix + key, html, ttl);
        return html;
    }

    /** Forgets every page of this service: content changed. */
    public void clear() {
        cache.deleteByPrefix(prefix);
    }
}
