package com.roseash.events.schedule;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One time an event happens: its start and end in the event's zone (all-day: midnights, end exclusive). */
public record Occurrence(ScheduledEvent event, ZonedDateTime start, ZonedDateTime end) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /** The days it covers, in the event's zone, for placing it on a month or week grid. */
    public LocalDate firstDay() {
        return start.toLocalDate();
    }

    public LocalDate lastDay() {
        // An end at midnight (all-day events, and timed ones ending at 00:00) belongs to the day before.
        ZonedDateTime last = end.isAfter(start) ? end.minusNanos(1) : end;
        return last.toLocalDate();
    }

    /** "Saturday 14 November 2026, 10:00 to 12:00 (Europe/London)", or the day(s) of an all-day event. */
    public String when() {
        if (event.allDay()) {
            return firstDay().equals(lastDay()) ? DAY.format(start) + ", all day"
                    : DAY.format(start) + " to " + DAY.format(lastDay()) + ", all day";
        }
        String zone = " (" + start.getZone().getId() + ")";
        if (firstDay().equals(end.toLocalDate())) {
            return DAY.format(start) + ", " + TIME.format(start) + " to " + TIME.format(end) + zone;
        }
        return DAY.format(start) + ", " + TIME.format(start) + " to " + DAY.format(end) + ", " + TIME.format(end) + zone;
    }

    /** "10:00", or "All day", for grids. */
    public String startTime() {
        return event.allDay() ? "All day" : TIME.format(start);
    }

    public String isoStart() {
        return start.toOffsetDateTime().toString();
    }
}
