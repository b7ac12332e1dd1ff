package com.roseash.platform.events;

import java.time.Duration;

/**
 * How an {@link OutboxProcessor} works: it looks for due deliveries when notified and at least every
 * {@code safetyPoll} (a lost notification costs at most that), claims up to {@code batchSize} at a time, retries a
 * failed delivery after {@code firstRetry}, doubling up to {@code maxRetry}, and gives a subscriber
 * {@code requestTimeout} to answer.
 */
public record OutboxSettings(Duration safetyPoll, int batchSize, Duration firstRetry, Duration maxRetry,
                             Duration connectTimeout, Duration requestTimeout) {

    public static OutboxSettings defaults() {
        return new OutboxSettings(Duration.ofSeconds(5), 50, Duration.ofSeconds(1), Duration.ofMinutes(10),
                Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** The wait before the next attempt, after {@code attempts} failed ones: doubling, capped. */
    public Duration backoff(int attempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempts && delay.compareTo(maxRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    public OutboxSettings withSafetyPoll(Duration poll) {
        return new OutboxSettings(poll, batchSize, firstRetry, maxRetry, connectTimeout, requestTimeout);
    }

    public OutboxSettings withRetries(Duration first, Duration max) {
        return new OutboxSettings(safetyPoll, batchSize, first, max, connectTimeout, requestTimeout);
    }
}
