package com.roseash.platform.events;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a producer delivers events: another service's internal socket and path, e.g.
 * {@code http://cart-internal:8081/internal/events}. {@code name} identifies the subscriber in the outbox's
 * delivery rows, so its address may change between releases without losing what it has not received.
 * A subscriber may be {@linkplain #unaddressed unaddressed}: its deliveries are written and wait for an address.
 */
public record Subscriber(String name, Optional<URI> endpoint) {

    public Subscriber {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A subscriber needs a name");
        }
        Objects.requireNonNull(endpoint, "endpoint");
    }

    public Subscriber(String name, URI endpoint) {
        this(name, Optional.of(endpoint));
    }

    /** A subscriber whose address is not configured (yet). */
    public static Subscriber unaddressed(String name) {
        return new Subscriber(name, Optional.empty());
    }
}
