package com.roseash.platform.events;

import java.time.ZoneOffset;
import java.util.List;

import io.helidon.dbclient.DbTransaction;

/**
 * Publishes domain events from the producing service: in the transaction of the change they describe, so an
 * event exists exactly when its change was committed. The {@link OutboxProcessor} delivers them afterwards.
 */
public final class Outbox {

    private final EventTables tables;
    private final Subscriptions subscriptions;

    public Outbox(EventTables tables, Subscriptions subscriptions) {
        this.tables = tables;
        this.subscriptions = subscriptions;
    }

    /**
     * Writes {@code event} and one delivery per subscriber of its type in {@code tx}, and notifies the processors,
     * which PostgreSQL does only when (and if) {@code tx} commits. Returns the event with its position.
     */
    public DomainEvent publish(DbTransaction tx, DomainEvent event) {
        EventJson.requireJson(event.payload());
        long position = tx.get("INSERT INTO " + tables.outbox()
                        + " (id, type, aggregate_type, aggregate_id, occurred_at, payload, producer)"
                        + " VALUES (?::uuid, ?, ?, ?, ?::timestamptz, ?::jsonb, ?) RETURNING position",
                        event.id().toString(), event.type(), event.aggregateType(), event.aggregateId(),
                        event.occurredAt().atOffset(ZoneOffset.UTC), event.payload(), event.producer())
                .map(row -> row.column("position").getLong())
                .orElseThrow();
        List<Subscriber> subscribers = subscriptions.subscribersOf(event.type());
        for (Subscriber subscriber : subscribers) {
            tx.dml("INSERT INTO " + tables.deliveries() + " (event_position, subscriber, aggregate_type, aggregate_id)"
                    + " VALUES (?, ?, ?, ?)", position, subscriber.name(), event.aggregateType(), event.aggregateId());
        }
        if (!subscribers.isEmpty()) {
            tx.get("SELECT pg_notify(?, '') IS NULL AS sent", tables.channel());
        }
        return event.withSequence(position);
    }
}
