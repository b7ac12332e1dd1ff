package com.roseash.events.feeds;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import com.roseash.events.schedule.Occurrence;
import com.roseash.events.schedule.Recurrence;
import com.roseash.events.schedule.ScheduledEvent;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed read back by a calendar library, as a subscriber's application reads it: the same dates as our pages. */
class ICalendarFeedTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final ICalendarFeed feed = new ICalendarFeed("https://events.coop.example/");

    private static ScheduledEvent event(long id, String slug, String start, String end, ZoneId zone, boolean allDay,
                                        String rrule, List<LocalDateTime> exceptions, boolean cancelled) {
        return new ScheduledEvent(id, "c", "C", slug, "Title " + slug, "Bring *boots*.", "", LocalDateTime.parse(start),
                LocalDateTime.parse(end), zone, allDay, "The yard", rrule, exceptions, cancelled, 0, 3,
                Instant.parse("2026-09-01T12:00:00Z"));
    }

    private static Calendar parse(String text) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static VEvent vevent(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getUid().orElseThrow().getValue().equals(uid)).findFirst().orElseThrow();
    }

    @Test
    void aWeeklyEventAcrossTheClockChangeHasTheSameOccurrencesForASubscriberAsOnOurPages() throws Exception {
        ScheduledEvent market = event(7, "market", "2026-10-14T10:00", "2026-10-14T12:00", LONDON, false,
                "FREQ=WEEKLY;COUNT=6", List.of(LocalDateTime.parse("2026-10-28T10:00")), false);

        String text = feed.write("Community", List.of(market));
        Calendar calendar = parse(text);

        assertThat(text).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London").contains("DTSTART;TZID=Europe/London:20261014T100000")
                .contains("RRULE:FREQ=WEEKLY;COUNT=6").contains("EXDATE;TZID=Europe/London:20261028T100000")
                .contains("SEQUENCE:3").contains("URL:https://events.coop.example/events/market/")
                .contains("STATUS:CONFIRMED").contains("X-WR-CALNAME:Community");
        VEvent parsed = vevent(calendar, "event-7@events.coop.example");
        List<Instant> theirs = parsed.<Temporal>calculateRecurrenceSet(new Period<>(ZonedDateTime.parse("2026-10-01T00:00Z"),
                        ZonedDateTime.parse("2027-01-01T00:00Z"))).stream()
                .map(p -> ZonedDateTime.from(p.getStart()).toInstant()).sorted().toList();
        List<Instant> ours = Recurrence.between(market, Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z")).stream().map(o -> o.start().toInstant()).toList();
        assertThat(theirs).isEqualTo(ours).hasSize(5).doesNotContain(Instant.parse("2026-10-28T10:00:00Z"))
                .contains(Instant.parse("2026-10-21T09:00:00Z"), Instant.parse("2026-11-04T10:00:00Z"));
    }

    @Test
    void allDayAndCancelledEventsAndEveryZoneUsedAreInTheFeed() throws Exception {
        ScheduledEvent days = event(8, "work-days", "2026-11-07T00:00", "2026-11-09T00:00", LONDON, true, "", List.of(), false);
        ScheduledEvent fair = event(9, "fair", "2026-12-05T10:00", "2026-12-05T15:00", NEW_YORK, false, "", List.of(), true);

        String text = feed.write("Mixed", List.of(days, fair));
        Calendar calendar = parse(text);

        assertThat(text).contains("DTSTART;VALUE=DATE:20261107").contains("DTEND;VALUE=DATE:20261109")
                .contains("TZID:America/New_York").doesNotContain("TZID:Europe/London");
        assertThat(vevent(calendar, "event-9@events.coop.example").getStatus().getValue()).isEqualTo("CANCELLED");
        Occurrence only = Recurrence.between(fair, Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"))
                .getFirst();
        assertThat(only.start().toInstant()).isEqualTo(Instant.parse("2026-12-05T15:00:00Z"));
        assertThat(vevent(calendar, "event-8@events.coop.example").getSummary().getValue()).isEqualTo("Title work-days");
    }
}
