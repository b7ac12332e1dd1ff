package com.roseash.cart.carts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.roseash.contract.ServiceName;
import com.roseash.platform.cache.Announcements;
import com.roseash.platform.market.Offer;

/**
 * The sellers' offers kept in this process for a few seconds, for the header's mini cart only: it is on every
 * full page of a shopper with a cart, and asking the sellers each time would cost a round trip and a query per
 * page. A price an editor changes is announced by the seller ({@link Announcements}) and drops every copy at once;
 * otherwise a copy is at most {@code ttl} old. The cart's page and checkout always ask the sellers.
 */
public final class KeptOffers {

    private static final int MAX_ENTRIES = 10_000;

    private record Kept(Offer offer, Instant until) {
    }

    private final Sellers sellers;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    public KeptOffers(Sellers sellers, Duration ttl, Clock clock, Announcements changes) {
        this.sellers = sellers;
        this.ttl = ttl;
        this.clock = clock;
        changes.listen(changed -> {
            if (changed.equals(ServiceName.MARKET.id()) || changed.equals(ServiceName.EVENTS.id())
                    || changed.equals(Announcements.EVERYTHING)) {
                kept.clear();
            }
        });
    }

    /** {@code seller}'s offers among {@code slugs}, from this process when kept, else from the seller (which may throw). */
    public List<Offer> offers(Seller seller, Collection<String> slugs) {
        Instant now = clock.instant();
        List<Offer> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String slug : slugs) {
            Kept copy = kept.get(seller.id() + ":" + slug);
            if (copy != null && copy.until().isAfter(now)) {
                found.add(copy.offer());
            } else {
                missing.add(slug);
            }
        }
        if (!missing.isEmpty()) {
            if (kept.size() > MAX_ENTRIES) {
                kept.clear();
            }
            for (Offer offer : sellers.of(seller).offers(missing)) {
                kept.put(seller.id() + ":" + offer.slug(), new Kept(offer, now.plus(ttl)));
                found.add(offer);
            }
        }
        return found;
    }
}
