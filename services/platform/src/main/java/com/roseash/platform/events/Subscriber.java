package com.roseash.platform.events;

import java.net.URI;
import java.util.Objects;

/**
 * Where a producer delivers events: another service's internal socket and path, e.g.
 * {@code http://cart-internal:8081/internal/events}. {@code name} identifies the subscriber in the outbox's
 * delivery rows, so its address may change between releases without losing what it has not received.
 */
public record Subscriber(String name, URI endpoint) {

    public Subscriber {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A subscriber needs a name");
        }
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
