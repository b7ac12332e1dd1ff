package com.roseash.events.bookings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.roseash.platform.db.Columns;
import com.roseash.platform.db.Transactions;
import com.roseash.platform.visitor.CurrentUser;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

/**
 * Bookings, decided under a lock on the event's row: of any number of members booking at once, each sees the
 * places the others took, so an event is never booked beyond its places; who does not fit waits, in the order
 * they asked. A cancellation frees places and moves the waiting list up in that order, strictly (the first in
 * line is never passed over for a smaller request behind them).
 */
public final class BookingRepository {

    /** Most places one member may book for one event. */
    public static final int MAX_PLACES = 10;

    private static final String SELECT = """
            SELECT b.id, b.event_id, e.slug AS event_slug, e.title AS event_title, b.member, b.email, b.name, b.places,
                   b.state, b.created_at,
                   CASE WHEN b.state = 'waiting' THEN (SELECT count(*) FROM events.bookings w
                        WHERE w.event_id = b.event_id AND w.state = 'waiting' AND w.id <= b.id) ELSE 0 END AS position
            FROM events.bookings b JOIN events.events e ON e.id = b.event_id
            """;

    /** What booking came to. */
    public sealed interface Outcome {
        record Made(Booking booking) implements Outcome {
        }

        /** Nothing booked: {@code reason} is for the member. */
        record Refused(String reason) implements Outcome {
        }
    }

    private final DbClient db;

    public BookingRepository(DbClient db) {
        this.db = db;
    }

    /** Books {@code places} of event {@code eventId} for {@code member}: booked when they fit, else waiting. */
    public Outcome book(long eventId, CurrentUser member, int places) {
        if (places < 1 || places > MAX_PLACES) {
            return new Outcome.Refused("Book 1 to " + MAX_PLACES + " places.");
        }
        return Transactions.inTransaction(db, tx -> {
            Optional<DbRow> event = tx.get("""
                    SELECT coalesce(places, 0) AS places, cancelled,
                           ends_local < (now() AT TIME ZONE time_zone) AS over
                    FROM events.events WHERE id = ? FOR UPDATE""", eventId);
            if (event.isEmpty()) {
                return new Outcome.Refused("There is no such event.");
            }
            int capacity = event.get().column("places").getInt();
            if (capacity == 0) {
                return new Outcome.Refused("This event takes no bookings.");
            }
            if (event.get().column("cancelled").getBoolean()) {
                return new Outcome.Refused("This event is cancelled.");
            }
            if (event.get().column("over").getBoolean()) {
                return new Outcome.Refused("This event is over.");
            }
            if (tx.get("SELECT 1 AS live FROM events.bookings WHERE event_id = ? AND member = ? AND state <> 'cancelled'",
                    eventId, member.subject()).isPresent()) {
                return new Outcome.Refused("You have booked this event already: cancel that booking to book again.");
            }
            // Nobody jumps the queue: while anyone waits, a new booking waits behind them.
            boolean queue = tx.get("SELECT 1 AS waiting FROM events.bookings WHERE event_id = ? AND state = 'waiting' LIMIT 1",
                    eventId).isPresent();
            boolean fits = !queue && booked(tx, eventId) + places <= capacity;
            long id = tx.get("""
                    INSERT INTO events.bookings (event_id, member, email, name, places, state)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", eventId, member.subject(), member.email(),
                    member.name(), places, fits ? "booked" : "waiting").orElseThrow().column("id").getLong();
            return new Outcome.Made(byId(tx, id).orElseThrow());
        });
    }

    /**
     * Cancels the member's live booking of the event, and gives its places to who waits, in order. Returns the
     * cancelled booking and those moved up, or empty when the member had none.
     */
    public Optional<Cancelled> cancel(long eventId, String member) {
        return Transactions.inTransaction(db, tx -> {
            Optional<DbRow> event = tx.get("SELECT coalesce(places, 0) AS places FROM events.events WHERE id = ? FOR UPDATE",
                    eventId);
            if (event.isEmpty()) {
                return Optional.empty();
            }
            Optional<Long> id = tx.get("""
                    UPDATE events.bookings SET state = 'cancelled', updated_at = now(), mailed_at = NULL
                    WHERE event_id = ? AND member = ? AND state <> 'cancelled' RETURNING id""", eventId, member)
                    .map(row -> row.column("id").getLong());
            if (id.isEmpty()) {
                return Optional.empty();
            }
            List<Booking> movedUp = moveUp(tx, eventId, event.get().column("places").getInt());
            return Optional.of(new Cancelled(byId(tx, id.get()).orElseThrow(), movedUp));
        });
    }

    /** A cancellation and who got a place by it. */
    public record Cancelled(Booking booking, List<Booking> movedUp) {
    }

    /** The waiting bookings that now fit, first come first served, stopping at the first that does not. */
    private List<Booking> moveUp(DbTransaction tx, long eventId, int capacity) {
        List<Booking> moved = new ArrayList<>();
        long free = capacity - booked(tx, eventId);
        List<DbRow> waiting = tx.query("SELECT id, places FROM events.bookings WHERE event_id = ? AND state = 'waiting'"
                + " ORDER BY id", eventId).toList();
        for (DbRow row : waiting) {
            int places = row.column("places").getInt();
            if (places > free) {
                break;
            }
            long id = row.column("id").getLong();
            tx.dml("UPDATE events.bookings SET state = 'booked', updated_at = now(), mailed_at = NULL WHERE id = ?", id);
            free -= places;
            moved.add(byId(tx, id).orElseThrow());
        }
        return moved;
    }

    private static long booked(DbTransaction tx, long eventId) {
        return tx.get("SELECT coalesce(sum(places), 0) AS taken FROM events.bookings WHERE event_id = ? AND state = 'booked'",
                eventId).orElseThrow().column("taken").getLong();
    }

    /** The member's live booking of the event. */
    public Optional<Booking> liveOf(long eventId, String member) {
        return db.execute().get(SELECT + " WHERE b.event_id = ? AND b.member = ? AND b.state <> 'cancelled'", eventId, member)
                .map(BookingRepository::booking);
    }

    /** Places booked and people waiting, for the event's page. */
    public Counts counts(long eventId) {
        return db.execute().get("""
                SELECT coalesce(sum(places) FILTER (WHERE state = 'booked'), 0) AS booked,
                       count(*) FILTER (WHERE state = 'waiting') AS waiting
                FROM events.bookings WHERE event_id = ?""", eventId)
                .map(row -> new Counts(row.column("booked").getLong(), row.column("waiting").getLong()))
                .orElse(new Counts(0, 0));
    }

    /** Places taken and bookings waiting. */
    public record Counts(long booked, long waiting) {
    }

    /** A member's live bookings, newest first (their account). */
    public List<Booking> ofMember(String member, int limit) {
        return db.execute().query(SELECT + " WHERE b.member = ? AND b.state <> 'cancelled' ORDER BY b.created_at DESC LIMIT ?",
                member, limit).map(BookingRepository::booking).toList();
    }

    /** Everyone's bookings of an event, for its organiser, in the order they came. */
    public List<Booking> ofEvent(long eventId) {
        return db.execute().query(SELECT + " WHERE b.event_id = ? ORDER BY b.id", eventId).map(BookingRepository::booking)
                .toList();
    }

    /** Bookings whose member has not been told their current state, oldest first. */
    public List<Booking> unmailed(int limit) {
        return db.execute().query(SELECT + " WHERE b.mailed_at IS NULL ORDER BY b.updated_at LIMIT ?",
                limit).map(BookingRepository::booking).toList();
    }

    /** Notes that the member was told of this state; false when it changed meanwhile (the new state is mailed). */
    public boolean mailed(long id, Booking.State state) {
        return db.execute().dml("UPDATE events.bookings SET mailed_at = now() WHERE id = ? AND state = ? AND mailed_at IS NULL",
                id, state.dbValue()) == 1;
    }

    /** A member left: their bookings go, and their places go to who waits. */
    public void forgetMember(DbTransaction tx, String member) {
        // The events first, in id order, as booking and cancelling lock them: no deadlock with either.
        List<DbRow> events = tx.query("""
                SELECT id, coalesce(places, 0) AS places FROM events.events
                WHERE id IN (SELECT event_id FROM events.bookings WHERE member = ? AND state = 'booked')
                ORDER BY id FOR UPDATE""", member).toList();
        tx.dml("DELETE FROM events.bookings WHERE member = ?", member);
        for (DbRow event : events) {
            moveUp(tx, event.column("id").getLong(), event.column("places").getInt());
        }
    }

    private static Optional<Booking> byId(DbTransaction tx, long id) {
        return tx.get(SELECT + " WHERE b.id = ?", id).map(BookingRepository::booking);
    }

    private static Booking booking(DbRow row) {
        return new Booking(row.column("id").getLong(), row.column("event_id").getLong(), Columns.string(row, "event_slug"),
                Columns.string(row, "event_title"), Columns.string(row, "member"), Columns.string(row, "email"),
                Columns.string(row, "name"), row.column("places").getInt(),
                Booking.State.valueOf(Columns.string(row, "state").toUpperCase(Locale.ROOT)),
                (int) row.column("position").getLong(), Columns.instant(row, "created_at"));
    }
}
