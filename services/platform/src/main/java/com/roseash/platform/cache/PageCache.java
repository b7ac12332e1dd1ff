package com.roseash.platform.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rendered pages of one service, keyed by path, query and variant (full page or boosted fragment).
 * Only anonymous GETs are cached; see {@code PageRenderer}.
 */
public final class PageCache {

    /** Pages kept in this process, per service: enough for the pages readers actually visit. */
    static final int LOCAL_ENTRIES = 2000;

    private final RedisCache cache;
    private final String service;
    private final String prefix;
    private final Duration ttl;
    private final LocalCache local;

    public PageCache(RedisCache cache, String service, Duration ttl) {
        this.cache = cache;
        this.service = service;
        this.prefix = "rose-ash:" + service + ":page:";
        this.ttl = ttl;
        this.local = new LocalCache(ttl, LOCAL_ENTRIES);
        cache.contentChanges().listen(changed -> {
            if (changed.equals(service) || changed.equals(Announcements.EVERYTHING)) {
                local.clear();
            }
        });
    }

    /** The cached HTML (this process's copy, else Redis's), or {@code render}'s result, which is stored for next time. */
    public String getOrRender(String key, Supplier<String> render) {
        Optional<String> kept = local.get(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        Optional<String> cached = cache.get(prefix + key);
        if (cached.isPresent()) {
            local.put(key, cached.get());
            return cached.get();
        }
        String html = render.get();
        cache.put(prefix + key, html, ttl);
        local.put(key, html);
        return html;
    }

    /** Forgets every page of this service, here, in Redis and in every other process: content changed. */
    public void clear() {
        local.clear();
        cache.deleteByPrefix(prefix);
        cache.contentChanges().announce(service);
    }
}
