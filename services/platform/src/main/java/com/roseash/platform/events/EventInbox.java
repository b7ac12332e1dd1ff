package com.roseash.platform.events;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

/**
 * The consumer's side of at-least-once delivery: each event's id is recorded in the consumer's own schema in the
 * same transaction as the handler's effects, so an event redelivered (the producer never saw our answer, or died
 * before recording it) is acknowledged without running the handler again, and a handler that fails or dies leaves
 * no trace, not even the id, and runs again on the redelivery.
 */
public final class EventInbox {

    /** What became of an event. */
    public enum Outcome { HANDLED, ALREADY_HANDLED }

    private final DbClient db;
    private final EventTables tables;

    public EventInbox(DbClient db, EventTables tables) {
        this.db = db;
        this.tables = tables;
    }

    /**
     * Runs {@code handler} unless {@code event} was handled before. Two deliveries of one event at once are
     * serialised by the inbox's primary key: the second waits for the first's transaction, and finds it handled
     * once that commits (or handles it itself if that rolls back).
     */
    public Outcome handle(DomainEvent event, EventHandler handler) {
        DbTransaction tx = db.transaction();
        try {
            long inserted = tx.dml("INSERT INTO " + tables.inbox() + " (event_id, type, producer) VALUES (?::uuid, ?, ?)"
                    + " ON CONFLICT (event_id) DO NOTHING", event.id().toString(), event.type(), event.producer());
            if (inserted == 0) {
                tx.commit();
                return Outcome.ALREADY_HANDLED;
            }
            handler.handle(tx, event);
            tx.commit();
            return Outcome.HANDLED;
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }
}
