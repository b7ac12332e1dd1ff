package com.roseash.events;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.roseash.events.bookings.BookingMails;
import com.roseash.events.tickets.TicketMails;

/**
 * Sends what events owes members by mail (issued tickets, bookings' states) every interval, and at once when a
 * request asks ({@link #executor}): a mail the server refused, or tickets issued by a domain event's handler (which
 * cannot send before its transaction commits), go out by the next pass. Stops with the service.
 */
final class EventMailJob implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EventMailJob.class.getName());

    private final BookingMails bookings;
    private final TicketMails tickets;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("events-mail").daemon().factory());

    EventMailJob(BookingMails bookings, TicketMails tickets) {
        this.bookings = bookings;
        this.tickets = tickets;
    }

    EventMailJob every(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Runs submitted work on the job's one thread, so two passes never mail the same thing at once here. */
    Executor executor() {
        return task -> scheduler.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Sending events' mail failed; the next pass tries again: " + e);
            }
        });
    }

    void runOnce() {
        try {
            tickets.sendPending();
            bookings.sendPending();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending events' mail failed; the next pass tries again: " + e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
