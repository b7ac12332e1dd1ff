package com.roseash.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.roseash.platform.db.Columns;
import com.roseash.platform.db.Database;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

/**
 * Delivers the producing service's outbox to its subscribers; one per replica, on a thread of its own.
 *
 * <p>Each pass claims due deliveries with {@code FOR UPDATE SKIP LOCKED} and holds their row locks, in one
 * transaction, while it POSTs them and records the outcome: another replica skips what this one holds, so no
 * delivery is handed out twice at once, and a replica that dies mid-pass (its connection gone) rolls back and
 * the deliveries are due again: at least once. A delivery is claimable only when the same subscriber has no
 * earlier undelivered event of the same aggregate, so an aggregate's events arrive in order, per subscriber, and a
 * failing one holds back only its own aggregate's later events. A failure is retried after a doubling, capped
 * delay ({@link OutboxSettings#backoff}), with the attempts and the last error kept in the row.
 *
 * <p>Between passes it waits on {@link EventNotifications} (LISTEN/NOTIFY, sent by {@link Outbox#publish} on
 * commit) until the next retry is due or the safety poll, never in a tight loop.
 */
public final class OutboxProcessor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OutboxProcessor.class.getName());

    private final Database database;
    private final EventTables tables;
    private final Subscriptions subscriptions;
    private final OutboxSettings settings;
    private final HttpDelivery http;
    private final String claim;
    private volatile boolean running;
    private Thread thread;

    public OutboxProcessor(Database database, EventTables tables, Subscriptions subscriptions, OutboxSettings settings) {
        this.database = database;
        this.tables = tables;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.http = new HttpDelivery(settings);
        this.claim = """
                SELECT d.event_position, d.subscriber, d.attempts, o.id::text AS id, o.type, o.aggregate_type,
                       o.aggregate_id, o.occurred_at, o.payload::text AS payload, o.producer
                  FROM %1$s d JOIN %2$s o ON o.position = d.event_position
                 WHERE d.delivered_at IS NULL AND d.next_attempt_at <= now()
                   AND NOT EXISTS (SELECT 1 FROM %1$s e
                                    WHERE e.subscriber = d.subscriber AND e.aggregate_type = d.aggregate_type
                                      AND e.aggregate_id = d.aggregate_id AND e.delivered_at IS NULL
                                      AND e.event_position < d.event_position)
                 ORDER BY d.event_position
                 LIMIT ?
                   FOR UPDATE OF d SKIP LOCKED""".formatted(tables.deliveries(), tables.outbox());
    }

    /** Starts delivering on a thread of its own, until {@link #close()}. */
    public synchronized OutboxProcessor start() {
        if (thread == null) {
            running = true;
            thread = Thread.ofPlatform().name("outbox-" + tables.schema()).daemon().start(this::run);
        }
        return this;
    }

    /**
     * One pass: claims up to a batch of due deliveries, delivers them (in parallel: they are of different
     * aggregates or subscribers), records each outcome, and commits. Returns how many it claimed.
     */
    public int deliverDue() {
        DbTransaction tx = database.client().transaction();
        try {
            List<Claimed> claimed = tx.query(claim, settings.batchSize()).map(this::claimed).toList();
            List<DeliveryAttempt> attempts = deliver(claimed);
            for (int i = 0; i < claimed.size(); i++) {
                record(tx, claimed.get(i), attempts.get(i));
            }
            tx.commit();
            return claimed.size();
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }

    private record Claimed(long position, String subscriber, int attempts, DomainEvent event) {
    }

    private Claimed claimed(DbRow row) {
        long position = row.column("event_position").getLong();
        DomainEvent event = new DomainEvent(UUID.fromString(row.column("id").getString()), row.column("type").getString(),
                row.column("aggregate_type").getString(), row.column("aggregate_id").getString(), position,
                Columns.instant(row, "occurred_at"), row.column("payload").getString(), row.column("producer").getString());
        return new Claimed(position, row.column("subscriber").getString(), row.column("attempts").getInt(), event);
    }

    private List<DeliveryAttempt> deliver(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return List.of();
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<DeliveryAttempt>> futures = new ArrayList<>();
            for (Claimed delivery : claimed) {
                futures.add(executor.submit(() -> deliver(delivery)));
            }
            List<DeliveryAttempt> attempts = new ArrayList<>();
            for (Future<DeliveryAttempt> future : futures) {
                attempts.add(outcome(future));
            }
            return attempts;
        }
    }

    private DeliveryAttempt deliver(Claimed delivery) {
        return subscriptions.subscriber(delivery.subscriber()).flatMap(Subscriber::endpoint)
                .map(endpoint -> http.deliver(endpoint, delivery.event()))
                .orElseGet(() -> DeliveryAttempt.failed("Subscriber " + delivery.subscriber() + " is not configured"));
    }

    private static DeliveryAttempt outcome(Future<DeliveryAttempt> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return DeliveryAttempt.failed(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryAttempt.failed("interrupted");
        }
    }

    private void record(DbTransaction tx, Claimed delivery, DeliveryAttempt attempt) {
        if (attempt.acknowledged()) {
            tx.dml("UPDATE " + tables.deliveries() + " SET delivered_at = clock_timestamp(), attempts = attempts + 1,"
                    + " last_error = NULL WHERE event_position = ? AND subscriber = ?",
                    delivery.position(), delivery.subscriber());
            return;
        }
        Duration delay = settings.backoff(delivery.attempts() + 1);
        // From the answer, not from now(), which is when this transaction began: before the deliveries of the batch.
        tx.dml("UPDATE " + tables.deliveries() + " SET attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = clock_timestamp() + ? * interval '1 millisecond'"
                + " WHERE event_position = ? AND subscriber = ?",
                attempt.error(), delay.toMillis(), delivery.position(), delivery.subscriber());
        LOG.log(System.Logger.Level.INFO, "Event " + delivery.event().type() + " " + delivery.event().id() + " to "
                + delivery.subscriber() + " failed (attempt " + (delivery.attempts() + 1) + ", next in " + delay + "): "
                + attempt.error());
    }

    /** How long until the next failed delivery is due again, at most the safety poll. */
    private Duration untilNextRetry() {
        long millis = database.client().execute()
                .get("SELECT COALESCE(CAST(EXTRACT(EPOCH FROM min(next_attempt_at) - now()) * 1000 AS bigint), -1) AS millis"
                        + " FROM " + tables.deliveries() + " WHERE delivered_at IS NULL AND next_attempt_at > now()")
                .map(row -> row.column("millis").getLong())
                .orElse(-1L);
        Duration poll = settings.safetyPoll();
        return millis < 0 || millis > poll.toMillis() ? poll : Duration.ofMillis(Math.max(1, millis));
    }

    private void run() {
        try (EventNotifications notifications = new EventNotifications(database.settings(), tables.channel())) {
            notifications.listen();
            while (running) {
                try {
                    if (deliverDue() > 0) {
                        continue;
                    }
                    notifications.await(untilNextRetry());
                } catch (RuntimeException e) {
                    // The database is away: try again after the safety poll, which also bounds the log lines.
                    LOG.log(System.Logger.Level.WARNING, "Delivering the " + tables.schema() + " outbox failed: "
                            + e.getMessage());
                    notifications.await(settings.safetyPoll());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the current pass; what it has not delivered stays due for the next processor. */
    @Override
    public void close() {
        Thread worker;
        synchronized (this) {
            worker = thread;
            thread = null;
        }
        if (worker == null) {
            return;
        }
        this.running = false;
        try {
            // Wakes the thread out of its wait; failing that, it sees the flag at the next poll.
            database.client().execute().get("SELECT pg_notify(?, '') IS NULL AS sent", tables.channel());
        } catch (RuntimeException ignored) {
            // The database is away: the wait ends at the safety poll.
        }
        try {
            worker.join(settings.safetyPoll().plus(settings.requestTimeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
