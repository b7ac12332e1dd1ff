package com.roseash.events.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What happens when: the stored events expanded into occurrences, for pages, fragments and feeds alike. */
public final class Schedule {

    private final EventRepository events;
    private final Clock clock;

    public Schedule(EventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Occurrences overlapping [from, to) in a calendar (every calendar when {@code calendarSlug} is empty), by start. */
    public List<Occurrence> between(String calendarSlug, Instant from, Instant to) {
        List<Occurrence> found = new ArrayList<>();
        for (ScheduledEvent event : events.mayOccurFrom(calendarSlug, from)) {
            found.addAll(Recurrence.between(event, from, to));
        }
        found.sort(Comparator.comparing(Occurrence::start).thenComparing(o -> o.event().title()));
        return found;
    }

    /** The next {@code limit} occurrences, running ones included, within a year. */
    public List<Occurrence> upcoming(String calendarSlug, int limit) {
        Instant now = now();
        List<Occurrence> found = new ArrayList<>();
        for (ScheduledEvent event : events.mayOccurFrom(calendarSlug, now)) {
            found.addAll(Recurrence.upcoming(event, now, limit));
        }
        found.sort(Comparator.comparing(Occurrence::start).thenComparing(o -> o.event().title()));
        return found.subList(0, Math.min(limit, found.size()));
    }
}
