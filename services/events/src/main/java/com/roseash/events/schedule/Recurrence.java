package com.roseash.events.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Expands an event into its occurrences within a window, with ical4j's RFC 5545 rules (the same the feeds
 * publish, so a calendar application and our pages agree). Expansion is in the event's zone from its local
 * start, so a weekly 10:00 stays at 10:00 across a DST change; it is bounded by the window and by
 * {@link #MAX_OCCURRENCES}, so a rule without end never expands forever.
 */
public final class Recurrence {

    /** The most occurrences of one event in one window. */
    public static final int MAX_OCCURRENCES = 500;
    /** What an organiser may repeat by: finer rules would put thousands of occurrences in a month. */
    private static final Set<Frequency> ALLOWED = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY,
            Frequency.YEARLY);

    private Recurrence() {
    }

    /** Why {@code rrule} cannot be used, or empty when it can. */
    public static String problem(String rrule) {
        if (rrule.isEmpty()) {
            return "";
        }
        if (rrule.length() > 300 || rrule.contains("\n") || rrule.contains("\r")) {
            return "A repeat rule is one line of at most 300 characters.";
        }
        try {
            Recur<ZonedDateTime> recur = new Recur<>(rrule.startsWith("RRULE:") ? rrule.substring(6) : rrule);
            if (!ALLOWED.contains(recur.getFrequency())) {
                return "Events repeat daily, weekly, monthly or yearly (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY).";
            }
            return "";
        } catch (RuntimeException e) {
            return "Not an RFC 5545 repeat rule (such as FREQ=WEEKLY;COUNT=10): " + e.getMessage();
        }
    }

    /** The occurrences of {@code event} that overlap [from, to), in start order. */
    public static List<Occurrence> between(ScheduledEvent event, Instant from, Instant to) {
        Duration length = Duration.between(event.startsLocal(), event.endsLocal());
        List<Occurrence> found = new ArrayList<>();
        if (!event.recurring()) {
            Occurrence only = occurrence(event, event.startsLocal(), length);
            if (overlaps(only, from, to)) {
                found.add(only);
            }
            return found;
        }
        ZonedDateTime seed = event.startsLocal().atZone(event.zone());
        Recur<ZonedDateTime> recur = new Recur<>(event.rrule());
        // From one length before the window: an occurrence that began before it may still be running.
        ZonedDateTime windowStart = from.minus(length).atZone(event.zone());
        ZonedDateTime windowEnd = to.atZone(event.zone());
        Set<LocalDateTime> skipped = new HashSet<>(event.exceptions());
        for (ZonedDateTime start : recur.getDates(seed, windowStart, windowEnd, MAX_OCCURRENCES)) {
            LocalDateTime local = start.withZoneSameInstant(event.zone()).toLocalDateTime();
            if (skipped.contains(local)) {
                continue;
            }
            Occurrence occurrence = occurrence(event, local, length);
            if (overlaps(occurrence, from, to)) {
                found.add(occurrence);
            }
        }
        return found;
    }

    /** The start of {@code event}'s next occurrence after {@code now} (or the one running), if any within a year. */
    public static List<Occurrence> upcoming(ScheduledEvent event, Instant now, int count) {
        List<Occurrence> next = between(event, now, now.plus(Duration.ofDays(366)));
        return next.subList(0, Math.min(count, next.size()));
    }

    private static Occurrence occurrence(ScheduledEvent event, LocalDateTime startLocal, Duration length) {
        // Local arithmetic, then the zone: a 2-hour event starting 10:00 ends 12:00 local, on any day of the year.
        return new Occurrence(event, startLocal.atZone(event.zone()), startLocal.plus(length).atZone(event.zone()));
    }

    private static boolean overlaps(Occurrence occurrence, Instant from, Instant to) {
        Instant start = occurrence.start().toInstant();
        Instant end = occurrence.end().toInstant();
        return start.isBefore(to) && (end.isAfter(from) || (end.equals(start) && !start.isBefore(from)));
    }
}
