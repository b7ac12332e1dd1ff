package com.roseash.platform.events;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.roseash.platform.db.Database;
import com.roseash.platform.db.Transactions;
import io.helidon.dbclient.DbTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class OutboxProcessorTest {

    private static final OutboxSettings FAST_RETRIES = OutboxSettings.defaults()
            .withRetries(Duration.ofMillis(300), Duration.ofSeconds(1));

    private final EventsDatabase db = new EventsDatabase();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        db.close();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closing.add(resource);
        return resource;
    }

    @Test
    void anEventPublishedInARolledBackTransactionIsNeitherKeptNorDelivered() {
        RecordingSubscriber subscriber = closing(new RecordingSubscriber());
        Subscriptions subscriptions = new Subscriptions().subscribe("order.paid", subscriber.as("tickets"));
        Outbox outbox = new Outbox(EventsDatabase.SHOP, subscriptions);
        closing(new OutboxProcessor(db.database, EventsDatabase.SHOP, subscriptions, OutboxSettings.defaults())).start();

        DbTransaction tx = db.database.client().transaction();
        tx.dml("INSERT INTO shop.orders (id, status) VALUES ('rolled-back', 'paid')");
        outbox.publish(tx, DomainEvent.of("shop", "order.paid", "order", "rolled-back", "{}"));
        tx.rollback();
        DomainEvent committed = db.pay(outbox, "committed");

        // The committed event was published after the rolled-back one: once it has arrived, the other would have.
        await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged(subscriber).contains(committed.id()));
        assertThat(subscriber.receipts).extracting(r -> r.event().aggregateId()).containsExactly("committed");
        assertThat(db.count("SELECT count(*) FROM shop.event_outbox")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM shop.event_deliveries WHERE delivered_at IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void aPayloadThatIsNotJsonIsRefusedBeforeItIsStored() {
        Outbox outbox = new Outbox(EventsDatabase.SHOP, new Subscriptions());
        DbTransaction tx = db.database.client().transaction();
        try {
            assertThatThrownBy(() -> outbox.publish(tx, DomainEvent.of("shop", "order.paid", "order", "1", "{not json")))
                    .isInstanceOf(MalformedEventException.class).hasMessageContaining("payload is not JSON");
        } finally {
            tx.rollback();
        }
    }

    @Test
    void anAggregatesEventsArriveInOrderAfterRetriesWithoutHoldingBackOtherAggregates() {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        RecordingSubscriber subscriber = closing(new RecordingSubscriber(event ->
                event.aggregateId().equals("a") && event.payload().contains("\"n\":1") && failuresLeft.getAndDecrement() > 0
                        ? 503 : 200));
        Subscriptions subscriptions = new Subscriptions().subscribe("order.changed", subscriber.as("tickets"));
        Outbox outbox = new Outbox(EventsDatabase.SHOP, subscriptions);
        closing(new OutboxProcessor(db.database, EventsDatabase.SHOP, subscriptions, FAST_RETRIES)).start();

        for (int n = 1; n <= 3; n++) {
            publish(outbox, "a", n);
            publish(outbox, "b", n);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.acknowledged().size() == 6);
        assertThat(ofAggregate(subscriber.receipts, "a")).as("a's first event fails three times, then its others follow")
                .containsExactly("1:503", "1:503", "1:503", "1:200", "2:200", "3:200");
        assertThat(ofAggregate(subscriber.receipts, "b")).containsExactly("1:200", "2:200", "3:200");
        int lastOfB = indexOf(subscriber.receipts, "b", 3);
        int firstSuccessOfA = subscriber.receipts.indexOf(subscriber.receipts.stream()
                .filter(r -> r.event().aggregateId().equals("a") && r.status() == 200).findFirst().orElseThrow());
        assertThat(lastOfB).as("b is not held back by a's retries").isLessThan(firstSuccessOfA);
        List<Long> failures = subscriber.receipts.stream().filter(r -> r.status() == 503).map(r -> r.nanos()).toList();
        assertThat(Duration.ofNanos(failures.get(1) - failures.get(0))).as("the first retry waits")
                .isGreaterThan(Duration.ofMillis(250));
        assertThat(Duration.ofNanos(failures.get(2) - failures.get(1))).as("the second waits twice as long")
                .isGreaterThan(Duration.ofMillis(550));
        assertThat(db.count("SELECT attempts FROM shop.event_deliveries d"
                + " JOIN shop.event_outbox o ON o.position = d.event_position WHERE o.aggregate_id = 'a'"
                + " AND o.payload->>'n' = '1' AND d.delivered_at IS NOT NULL AND d.last_error IS NULL"))
                .isEqualTo(4);
    }

    @Test
    void aFailedAttemptIsRecordedWithItsErrorAndNextAttempt() {
        RecordingSubscriber subscriber = closing(new RecordingSubscriber(event -> 500));
        Subscriptions subscriptions = new Subscriptions().subscribe("order.paid", subscriber.as("tickets"));
        Outbox outbox = new Outbox(EventsDatabase.SHOP, subscriptions);
        OutboxProcessor processor = new OutboxProcessor(db.database, EventsDatabase.SHOP, subscriptions,
                OutboxSettings.defaults());
        db.pay(outbox, "1");

        assertThat(processor.deliverDue()).isEqualTo(1);
        assertThat(processor.deliverDue()).as("not due again before its backoff").isZero();

        assertThat(db.count("SELECT count(*) FROM shop.event_deliveries WHERE attempts = 1 AND delivered_at IS NULL"
                + " AND last_error LIKE 'HTTP 500 from http://127.0.0.1:%' AND next_attempt_at > now() + interval '500 ms'"))
                .isEqualTo(1);
    }

    @Test
    void aDeliveryToASubscriberNoLongerConfiguredWaitsWithTheReason() {
        RecordingSubscriber subscriber = closing(new RecordingSubscriber());
        Outbox outbox = new Outbox(EventsDatabase.SHOP, new Subscriptions().subscribe("order.paid", subscriber.as("tickets")));
        db.pay(outbox, "1");
        OutboxProcessor processor = new OutboxProcessor(db.database, EventsDatabase.SHOP,
                new Subscriptions().subscribe("order.paid", subscriber.as("mail")), OutboxSettings.defaults());

        assertThat(processor.deliverDue()).isEqualTo(1);

        assertThat(subscriber.receipts).isEmpty();
        assertThat(db.count("SELECT count(*) FROM shop.event_deliveries WHERE subscriber = 'tickets' AND attempts = 1"
                + " AND delivered_at IS NULL AND last_error = 'Subscriber tickets is not configured'")).isEqualTo(1);
    }

    @Test
    void aSubscriberNameHasOneAddress() {
        Subscriptions subscriptions = new Subscriptions()
                .subscribe("order.paid", new Subscriber("tickets", URI.create("http://events:8081/internal/events")));

        assertThatThrownBy(() -> subscriptions.subscribe("order.refunded",
                new Subscriber("tickets", URI.create("http://cart:8081/internal/events"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already at http://events:8081");
        assertThat(subscriptions.subscribersOf("order.refunded")).isEmpty();
        assertThat(subscriptions.subscribersOf("order.paid")).extracting(Subscriber::name).containsExactly("tickets");
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        OutboxSettings settings = OutboxSettings.defaults().withRetries(Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(List.of(1, 2, 3, 4, 5, 60).stream().map(settings::backoff).toList()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void twoProcessorsOnOneOutboxDeliverEachEventOnceAndInOrder() {
        Map<UUID, AtomicInteger> received = new ConcurrentHashMap<>();
        RecordingSubscriber subscriber = closing(new RecordingSubscriber(event -> {
            received.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            return 200;
        }));
        Subscriptions subscriptions = new Subscriptions().subscribe("order.changed", subscriber.as("tickets"));
        Outbox outbox = new Outbox(EventsDatabase.SHOP, subscriptions);
        Database other = closing(db.replica());
        OutboxSettings settings = OutboxSettings.defaults();
        closing(new OutboxProcessor(db.database, EventsDatabase.SHOP, subscriptions, settings)).start();
        closing(new OutboxProcessor(other, EventsDatabase.SHOP, subscriptions, settings)).start();

        int events = 300;
        for (int i = 0; i < events; i++) {
            publish(outbox, "order-" + (i % 15), i / 15);
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> received.size() == events);
        assertThat(received.values().stream().filter(count -> count.get() != 1).count()).as("events received twice").isZero();
        assertThat(subscriber.receipts).hasSize(events);
        for (int aggregate = 0; aggregate < 15; aggregate++) {
            List<String> numbers = ofAggregate(subscriber.receipts, "order-" + aggregate);
            assertThat(numbers).as("order-" + aggregate).isEqualTo(IntStream.range(0, events / 15)
                    .mapToObj(n -> n + ":200").toList());
        }
        assertThat(db.count("SELECT count(*) FROM shop.event_deliveries WHERE delivered_at IS NOT NULL AND attempts = 1"))
                .isEqualTo(events);
    }

    @Test
    void aNotificationWakesTheProcessorLongBeforeItsSafetyPoll() {
        RecordingSubscriber subscriber = closing(new RecordingSubscriber());
        Subscriptions subscriptions = new Subscriptions().subscribe("order.paid", subscriber.as("tickets"));
        Outbox outbox = new Outbox(EventsDatabase.SHOP, subscriptions);
        closing(new OutboxProcessor(db.database, EventsDatabase.SHOP, subscriptions,
                OutboxSettings.defaults().withSafetyPoll(Duration.ofMinutes(2)))).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count("SELECT count(*) FROM pg_stat_activity"
                + " WHERE query = 'LISTEN rose_ash_events_shop' AND state = 'idle'") == 1);

        long start = System.nanoTime();
        DomainEvent event = db.pay(outbox, "1");

        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged(subscriber).contains(event.id()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("woken by the notification, not the 2-minute poll")
                .isLessThan(Duration.ofSeconds(30));
        DomainEvent received = subscriber.acknowledged().getFirst();
        assertThat(received).usingRecursiveComparison().ignoringFields("payload", "occurredAt").isEqualTo(event);
        assertThat(received.sequence()).isPositive();
        assertThat(received.payload()).isEqualTo("{\"order\":\"1\"}");
        assertThat(Duration.between(received.occurredAt(), event.occurredAt()).abs()).isLessThan(Duration.ofMillis(1));
    }

    /** Event {@code n} of {@code aggregate}, in a transaction of its own, as a producer's changes are. */
    private void publish(Outbox outbox, String aggregate, int n) {
        Transactions.inTransaction(db.database.client(), tx -> outbox.publish(tx,
                DomainEvent.of("shop", "order.changed", "order", aggregate, "{\"n\":" + n + "}")));
    }

    private static List<UUID> acknowledged(RecordingSubscriber subscriber) {
        return subscriber.acknowledged().stream().map(DomainEvent::id).toList();
    }

    /** The receipts of one aggregate as {@code n:status}, in arrival order. */
    private static List<String> ofAggregate(List<RecordingSubscriber.Receipt> receipts, String aggregate) {
        return receipts.stream().filter(r -> r.event().aggregateId().equals(aggregate))
                .map(r -> number(r.event()) + ":" + r.status()).toList();
    }

    private static int indexOf(List<RecordingSubscriber.Receipt> receipts, String aggregate, int n) {
        for (int i = 0; i < receipts.size(); i++) {
            if (receipts.get(i).event().aggregateId().equals(aggregate) && number(receipts.get(i).event()) == n) {
                return i;
            }
        }
        throw new AssertionError("no event " + n + " of " + aggregate);
    }

    private static int number(DomainEvent event) {
        return Integer.parseInt(event.payload().replaceAll("[^0-9]", ""));
    }
}
