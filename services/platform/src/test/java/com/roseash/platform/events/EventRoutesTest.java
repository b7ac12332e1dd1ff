package com.roseash.platform.events;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer's side: {@code EventRoutes} with an {@link EventInbox}, over a real socket and database. */
class EventRoutesTest {

    private final EventsDatabase db = new EventsDatabase();
    private final TicketsConsumer consumer = new TicketsConsumer(db.database);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        consumer.close();
        db.close();
    }

    @Test
    void theSameEventDeliveredTwiceHasItsEffectOnce() throws Exception {
        String event = EventJson.write(paid("42"));

        HttpResponse<String> first = post(event);
        HttpResponse<String> second = post(event);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"outcome\":\"handled\"}");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("{\"outcome\":\"already handled\"}");
        assertThat(db.count("SELECT count(*) FROM tickets.tickets WHERE order_id = '42'")).isEqualTo(1);
        assertThat(consumer.handlerRuns).hasValue(1);
    }

    @Test
    void deliveriesOfOneEventAtOnceHaveItsEffectOnce() throws Exception {
        String event = EventJson.write(paid("7"));
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                answers.add(executor.submit(() -> post(event)));
            }
        }

        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
        }
        assertThat(db.count("SELECT count(*) FROM tickets.tickets")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM tickets.event_inbox")).isEqualTo(1);
    }

    @Test
    void aFailingHandlerLeavesNoTraceAnswers500AndRunsAgainOnTheRetry() throws Exception {
        String event = EventJson.write(paid("9"));
        consumer.failing = true;

        HttpResponse<String> failed = post(event);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("printer");
        assertThat(db.count("SELECT count(*) FROM tickets.tickets")).as("the handler's ticket rolled back").isZero();
        assertThat(db.count("SELECT count(*) FROM tickets.event_inbox")).isZero();

        consumer.failing = false;
        assertThat(post(event).body()).isEqualTo("{\"outcome\":\"handled\"}");
        assertThat(db.count("SELECT count(*) FROM tickets.tickets")).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotAnEventIs400WithTheReason() throws Exception {
        HttpResponse<String> notJson = post("{\"id\": ");
        HttpResponse<String> noAggregate = post("{\"id\": \"" + UUID.randomUUID() + "\", \"type\": \"order.paid\"}");
        HttpResponse<String> array = post("[1, 2]");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("The event is not JSON");
        assertThat(noAggregate.statusCode()).isEqualTo(400);
        assertThat(noAggregate.body()).contains("The event has no aggregateType");
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(array.body()).contains("The event is not a JSON object");
        assertThat(consumer.handlerRuns).hasValue(0);
    }

    @Test
    void anEventTypeNothingHandlesIs404AndNotRecorded() throws Exception {
        DomainEvent refunded = new DomainEvent(UUID.randomUUID(), "order.refunded", "order", "1", 1, Instant.now(), "{}", "shop");

        HttpResponse<String> answer = post(EventJson.write(refunded));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("order.refunded");
        assertThat(db.count("SELECT count(*) FROM tickets.event_inbox")).isZero();
    }

    @Test
    void anEventReadsBackAsItWasWritten() {
        DomainEvent event = new DomainEvent(UUID.randomUUID(), "order.paid", "order", "42", 17,
                Instant.parse("2026-11-26T23:00:00.123456Z"), "{\"total\":{\"amount\":\"12.50\",\"currency\":\"GBP\"}}", "cart");

        assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
        assertThat(EventJson.write(event)).contains("\"payload\":{\"total\":");
    }

    private static DomainEvent paid(String order) {
        return new DomainEvent(UUID.randomUUID(), "order.paid", "order", order, 1, Instant.now(),
                "{\"order\":\"" + order + "\"}", "shop");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(consumer.endpoint()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
