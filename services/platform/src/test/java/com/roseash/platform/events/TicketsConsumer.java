package com.roseash.platform.events;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import com.roseash.platform.db.Database;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.eventroutes.EventRoutes;
import io.helidon.dbclient.DbTransaction;
import io.helidon.webserver.WebServer;

/**
 * The consuming service of the events tests on a real socket: {@link EventRoutes} on its internal path, issuing one
 * ticket per {@code order.paid} in the {@code tickets} schema. {@link #failing} makes the handler throw after it
 * wrote its ticket, so the transaction must roll the ticket back.
 */
final class TicketsConsumer implements AutoCloseable {

    final AtomicInteger handlerRuns = new AtomicInteger();
    volatile boolean failing;
    private final WebServer server;

    TicketsConsumer(Database database) {
        EventRoutes routes = new EventRoutes(new EventInbox(database.client(), EventsDatabase.TICKETS))
                .on("order.paid", (tx, event) -> {
                    handlerRuns.incrementAndGet();
                    issueTicket(tx, event);
                    if (failing) {
                        throw new IllegalStateException("the ticket printer is out of paper");
                    }
                });
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.register(EventRoutes.MOUNT, routes).addFeature(ErrorResponses.jsonOnly()))
                .build().start();
    }

    static void issueTicket(DbTransaction tx, DomainEvent event) {
        tx.dml("INSERT INTO tickets.tickets (order_id, event_id) VALUES (?, ?::uuid)",
                event.aggregateId(), event.id().toString());
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port() + EventRoutes.MOUNT);
    }

    Subscriber as(String name) {
        return new Subscriber(name, endpoint());
    }

    @Override
    public void close() {
        server.stop();
    }
}
