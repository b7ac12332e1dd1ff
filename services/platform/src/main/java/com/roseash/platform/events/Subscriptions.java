package com.roseash.platform.events;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which subscribers receive which event types, as the producing service's wiring declares them. Publishing
 * an event writes one delivery per subscriber of its type; an event nobody subscribes to is still kept in the
 * outbox (a later subscriber does not receive it).
 */
public final class Subscriptions {

    private final Map<String, List<Subscriber>> byType = new LinkedHashMap<>();
    private final Map<String, Subscriber> byName = new LinkedHashMap<>();

    public Subscriptions subscribe(String type, Subscriber subscriber) {
        Subscriber known = byName.get(subscriber.name());
        if (known != null && !known.equals(subscriber)) {
            throw new IllegalArgumentException("Subscriber " + subscriber.name() + " is already at "
                    + known.endpoint().map(URI::toString).orElse("no address"));
        }
        byName.put(subscriber.name(), subscriber);
        List<Subscriber> subscribers = byType.computeIfAbsent(type, t -> new ArrayList<>());
        if (!subscribers.contains(subscriber)) {
            subscribers.add(subscriber);
        }
        return this;
    }

    public List<Subscriber> subscribersOf(String type) {
        return List.copyOf(byType.getOrDefault(type, List.of()));
    }

    public Optional<Subscriber> subscriber(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
