package com.roseash.events.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * An event as stored: its times are local to {@code zone} (all-day events: midnights, end exclusive), an
 * optional RFC 5545 {@code rrule} (empty for a single event) less its {@code exceptions}, and {@code places}
 * (0: it takes no bookings).
 */
public record ScheduledEvent(long id, String calendarSlug, String calendarName, String slug, String title,
                             String descriptionMarkdown, String descriptionHtml, LocalDateTime startsLocal,
                             LocalDateTime endsLocal, ZoneId zone, boolean allDay, String location, String rrule,
                             List<LocalDateTime> exceptions, boolean cancelled, int places, int sequence, Instant updatedAt) {

    public ScheduledEvent {
        exceptions = List.copyOf(exceptions);
    }

    public boolean recurring() {
        return !rrule.isEmpty();
    }

    public boolean takesBookings() {
        return places > 0;
    }
}
