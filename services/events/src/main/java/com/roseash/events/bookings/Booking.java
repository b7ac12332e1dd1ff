package com.roseash.events.bookings;

import java.time.Instant;
import java.util.Locale;

/** A member's booking of an event's places: booked, waiting (for places to free up) or cancelled. */
public record Booking(long id, long eventId, String eventSlug, String eventTitle, String member, String email, String name,
                      int places, State state, int waitingPosition, Instant createdAt) {

    public enum State {
        BOOKED, WAITING, CANCELLED;

        String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean booked() {
        return state == State.BOOKED;
    }

    public boolean waiting() {
        return state == State.WAITING;
    }
}
