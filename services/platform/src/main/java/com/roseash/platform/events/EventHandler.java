package com.roseash.platform.events;

import io.helidon.dbclient.DbTransaction;

/** A consumer's reaction to one event type, written in the inbox's transaction: it commits with the event's id. */
@FunctionalInterface
public interface EventHandler {

    void handle(DbTransaction tx, DomainEvent event);
}
