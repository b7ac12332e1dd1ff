package com.roseash.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened to one aggregate of the producing service ({@code order.paid} for order 42), as
 * subscribers receive it. {@code sequence} is the event's position in its producer's outbox: an aggregate's
 * events are delivered in that order. {@code payload} is a JSON document.
 */
public record DomainEvent(UUID id, String type, String aggregateType, String aggregateId, long sequence,
                          Instant occurredAt, String payload, String producer) {

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        requireText(type, "type");
        requireText(aggregateType, "aggregateType");
        requireText(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        requireText(payload, "payload");
        requireText(producer, "producer");
    }

    /** A new event, not yet published: a fresh id, now, and a sequence the outbox assigns. */
    public static DomainEvent of(String producer, String type, String aggregateType, String aggregateId, String payload) {
        return new DomainEvent(UUID.randomUUID(), type, aggregateType, aggregateId, 0, Instant.now(), payload, producer);
    }

    /** The same event at the position the outbox gave it. */
    public DomainEvent withSequence(long position) {
        return new DomainEvent(id, type, aggregateType, aggregateId, position, occurredAt, payload, producer);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A domain event needs a " + name);
        }
    }
}
