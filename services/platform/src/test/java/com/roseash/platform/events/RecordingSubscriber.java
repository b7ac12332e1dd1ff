package com.roseash.platform.events;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.helidon.http.Status;
import io.helidon.webserver.WebServer;

/**
 * A subscriber on a real socket that keeps every event POSTed to it, in arrival order, and answers with the status
 * {@code answer} gives for it (200 unless told otherwise).
 */
final class RecordingSubscriber implements AutoCloseable {

    /** One request as it arrived, with the status it was answered with. */
    record Receipt(DomainEvent event, int status, long nanos) {
    }

    final List<Receipt> receipts = new CopyOnWriteArrayList<>();
    private final WebServer server;

    RecordingSubscriber() {
        this(event -> 200);
    }

    RecordingSubscriber(Function<DomainEvent, Integer> answer) {
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.post("/events", (request, response) -> {
                    DomainEvent event = EventJson.read(request.content().as(String.class));
                    int status = answer.apply(event);
                    receipts.add(new Receipt(event, status, System.nanoTime()));
                    response.status(Status.create(status)).send();
                }))
                .build().start();
    }

    Subscriber as(String name) {
        return new Subscriber(name, URI.create("http://127.0.0.1:" + server.port() + "/events"));
    }

    /** The events acknowledged, in the order they were. */
    List<DomainEvent> acknowledged() {
        return receipts.stream().filter(r -> r.status() / 100 == 2).map(Receipt::event).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
