package com.roseash.platform.events;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.roseash.platform.eventroutes.EventRoutes;
import com.roseash.platform.testing.ChildJvm;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing is lost, and nothing happens twice, when a producer's or a consumer's process dies at the worst moment:
 * each runs in a JVM of its own and is killed with SIGKILL.
 */
class CrashTest {

    private static final OutboxSettings FAST_RETRIES = OutboxSettings.defaults()
            .withRetries(Duration.ofMillis(200), Duration.ofSeconds(1));

    private final EventsDatabase db = new EventsDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aProcessorKilledAfterTheSubscriberHandledAnEventButBeforeItsAckRedeliversItAndTheInboxMakesItOnce()
            throws Exception {
        EventInbox inbox = new EventInbox(db.database.client(), EventsDatabase.TICKETS);
        AtomicInteger deliveries = new AtomicInteger();
        ChildJvm[] producer = new ChildJvm[1];
        // The consumer handles the event and commits; before it answers, the producer's process dies.
        WebServer consumer = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.post(EventRoutes.MOUNT, (request, response) -> {
                    DomainEvent event = EventJson.read(request.content().as(String.class));
                    inbox.handle(event, TicketsConsumer::issueTicket);
                    if (deliveries.incrementAndGet() == 1) {
                        producer[0].kill();
                    }
                    response.status(Status.OK_200).send();
                }))
                .build().start();
        URI endpoint = URI.create("http://127.0.0.1:" + consumer.port() + EventRoutes.MOUNT);
        Subscriptions subscriptions = new Subscriptions().subscribe("order.paid", new Subscriber("tickets", endpoint));
        try (ChildJvm child = ChildJvm.start(ProcessorProcess.class, db.settings, endpoint.toString())) {
            producer[0] = child;
            child.awaitLine("STARTED");
            db.pay(new Outbox(EventsDatabase.SHOP, subscriptions), "42");

            await().atMost(Duration.ofSeconds(60)).until(() -> !child.process().isAlive());
            assertThat(deliveries).hasValue(1);
            assertThat(db.count("SELECT count(*) FROM tickets.tickets")).as("handled once").isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> db.count("SELECT count(*) FROM pg_locks l"
                    + " JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'event_deliveries'") == 0);
            assertThat(db.count("SELECT count(*) FROM shop.event_deliveries WHERE delivered_at IS NULL AND attempts = 0"))
                    .as("the killed processor's record of its attempt rolled back with it").isEqualTo(1);

            try (OutboxProcessor survivor = new OutboxProcessor(db.database, EventsDatabase.SHOP, subscriptions,
                    FAST_RETRIES).start()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                        "SELECT count(*) FROM shop.event_deliveries WHERE delivered_at IS NOT NULL") == 1);
            }
            assertThat(deliveries).as("redelivered").hasValue(2);
            assertThat(db.count("SELECT count(*) FROM tickets.tickets")).as("once in effect").isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM tickets.event_inbox")).isEqualTo(1);
        } finally {
            consumer.stop();
        }
    }

    @Test
    void aConsumerKilledMidHandlerGetsTheEventAgainAndHandlesItOnce() throws Exception {
        try (ChildJvm child = ChildJvm.start(ConsumerProcess.class, db.settings)) {
            URI dying = URI.create("http://127.0.0.1:" + child.awaitLine("PORT ") + EventRoutes.MOUNT);
            Subscriptions before = new Subscriptions().subscribe("order.paid", new Subscriber("tickets", dying));
            Outbox outbox = new Outbox(EventsDatabase.SHOP, before);
            DomainEvent event;
            try (OutboxProcessor processor = new OutboxProcessor(db.database, EventsDatabase.SHOP, before, FAST_RETRIES)
                    .start()) {
                event = db.pay(outbox, "42");
                assertThat(child.awaitLine("HANDLING ")).isEqualTo(event.id().toString());
                assertThat(db.count("SELECT count(*) FROM tickets.tickets")).as("not committed yet").isZero();

                child.kill();

                await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM shop.event_deliveries"
                        + " WHERE attempts >= 1 AND delivered_at IS NULL AND last_error IS NOT NULL") == 1);
            }
            assertThat(db.count("SELECT count(*) FROM tickets.tickets")).as("the killed handler's ticket rolled back").isZero();
            assertThat(db.count("SELECT count(*) FROM tickets.event_inbox")).isZero();

            // The consumer comes back (at another address: deliveries name their subscriber, not its address).
            try (TicketsConsumer consumer = new TicketsConsumer(db.database);
                 OutboxProcessor processor = new OutboxProcessor(db.database, EventsDatabase.SHOP,
                         new Subscriptions().subscribe("order.paid", consumer.as("tickets")), FAST_RETRIES).start()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                        "SELECT count(*) FROM shop.event_deliveries WHERE delivered_at IS NOT NULL AND attempts >= 2") == 1);
                assertThat(consumer.handlerRuns).hasValue(1);
            }
            assertThat(db.count("SELECT count(*) FROM tickets.tickets WHERE event_id = '" + event.id() + "'")).isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM tickets.event_inbox")).isEqualTo(1);
        }
    }
}
