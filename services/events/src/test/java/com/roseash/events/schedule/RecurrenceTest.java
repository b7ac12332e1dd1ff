package com.roseash.events.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static ScheduledEvent weekly(String rrule, List<LocalDateTime> exceptions) {
        return new ScheduledEvent(1, "c", "C", "market", "Market", "", "", LocalDateTime.parse("2026-10-14T10:00"),
                LocalDateTime.parse("2026-10-14T12:00"), LONDON, false, "", rrule, exceptions, false, 0, 0, Instant.EPOCH);
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }

    @Test
    void aWeeklyEventStaysAtItsLocalTimeAcrossTheClockChangeAndSkipsItsExceptions() {
        // British Summer Time ends on 25 October 2026: 10:00 is 09:00 UTC before, 10:00 UTC after.
        ScheduledEvent market = weekly("FREQ=WEEKLY;COUNT=6", List.of(LocalDateTime.parse("2026-10-28T10:00")));

        List<Occurrence> all = Recurrence.between(market, at("2026-10-01T00:00"), at("2027-01-01T00:00"));

        assertThat(all).extracting(o -> o.start().toLocalDateTime().toString())
                .containsExactly("2026-10-14T10:00", "2026-10-21T10:00", "2026-11-04T10:00", "2026-11-11T10:00",
                        "2026-11-18T10:00");
        assertThat(all.get(0).start().toInstant()).isEqualTo(Instant.parse("2026-10-14T09:00:00Z"));
        assertThat(all.get(2).start().toInstant()).isEqualTo(Instant.parse("2026-11-04T10:00:00Z"));
        assertThat(all).allSatisfy(o -> assertThat(o.end().toLocalTime().toString()).isEqualTo("12:00"));
    }

    @Test
    void aRuleWithoutEndIsExpandedOnlyWithinTheWindowAndNeverBeyondTheCap() {
        ScheduledEvent daily = weekly("FREQ=DAILY", List.of());

        assertThat(Recurrence.between(daily, at("2027-03-01T00:00"), at("2027-03-08T00:00"))).hasSize(7);
        assertThat(Recurrence.between(daily, at("2026-10-01T00:00"), at("2046-10-01T00:00")))
                .hasSize(Recurrence.MAX_OCCURRENCES);
    }

    @Test
    void anOccurrenceRunningAtTheStartOfTheWindowIsInIt() {
        ScheduledEvent market = weekly("FREQ=WEEKLY;COUNT=3", List.of());

        assertThat(Recurrence.between(market, at("2026-10-21T11:00"), at("2026-10-21T11:30")))
                .extracting(Occurrence::start).containsExactly(ZonedDateTime.of(2026, 10, 21, 10, 0, 0, 0, LONDON));
    }

    @Test
    void rulesThatCannotBeUsedAreRefusedWithTheReason() {
        assertThat(Recurrence.problem("")).isEmpty();
        assertThat(Recurrence.problem("FREQ=MONTHLY;BYDAY=2SA")).isEmpty();
        assertThat(Recurrence.problem("FREQ=HOURLY")).contains("daily, weekly, monthly or yearly");
        assertThat(Recurrence.problem("FREQ=FORTNIGHTLY")).startsWith("Not an RFC 5545 repeat rule");
        assertThat(Recurrence.problem("EVERY TUESDAY")).startsWith("Not an RFC 5545 repeat rule");
    }
}
