package com.roseash.events.fragments;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import com.roseash.events.testing.EventsWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** The widgets other services show: their links absolute to the events host, bad parameters a 4xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventFragmentsTest {

    private EventsWorld world;
    private LocalDate day;

    @BeforeAll
    void events() {
        world = new EventsWorld();
        long community = world.calendar("community", "Europe/London");
        long growers = world.calendar("growers", "Europe/London");
        day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(4);
        world.event(community, "apple-day", "Apple Day", day + "T11:00", day + "T16:00", "Europe/London", null, null);
        world.event(growers, "pruning", "Pruning", day.plusDays(1) + "T10:00", day.plusDays(1) + "T12:00", "Europe/London",
                null, 6);
        world.sql("INSERT INTO events.bookings (event_id, member, email, name, places, state)"
                + " SELECT id, 'm1', 'm1@example.org', 'M', 2, 'booked' FROM events.events WHERE slug = 'pruning'");
    }

    @AfterAll
    void close() {
        world.close();
    }

    @Test
    void upcomingEventsListsTheNextOnesWithLinksToTheEventsHost() {
        String all = world.fragment("upcoming-events?limit=5");
        String one = world.fragment("upcoming-events?limit=1");
        String growers = world.fragment("upcoming-events?calendar=growers");

        assertThat(all).contains("<a href=\"http://events.rose-ash.test/events/apple-day/\">Apple Day</a>")
                .contains("Pruning").contains("<a href=\"http://events.rose-ash.test/\">All events</a>");
        assertThat(one).contains("Apple Day").doesNotContain("Pruning");
        assertThat(growers).contains("Pruning").doesNotContain("Apple Day");
    }

    @Test
    void theMonthWidgetMarksTheDaysWithEvents() {
        String month = world.fragment("calendar-month?calendar=community&month=" + YearMonth.from(day));

        assertThat(month).contains("has-events").contains("title=\"Apple Day. \"")
                .contains("href=\"http://events.rose-ash.test/calendars/community/" + YearMonth.from(day).toString().replace('-', '/'));
    }

    @Test
    void anEventCardSaysWhatAndWhen() {
        assertThat(world.fragment("event-card?slug=apple-day")).contains("<div class=\"event-card\">")
                .contains("href=\"http://events.rose-ash.test/events/apple-day/\">Apple Day</a>").contains("11:00 to 16:00");
    }

    @Test
    void aMembersBookingsAreListedForTheirAccount() {
        assertThat(world.fragment("member-bookings?member=m1")).contains("Pruning").contains("2 place(s) booked");
        assertThat(world.fragment("member-bookings?member=nobody")).contains("You have no bookings.");
        assertThat(world.fragment("member-tickets?member=nobody")).contains("You have no tickets.");
    }

    @Test
    void badParametersAreRefusedWithTheReason() {
        assertThat(world.internal().get("/internal/fragments/upcoming-events?limit=500").statusCode()).isEqualTo(400);
        assertThat(world.internal().get("/internal/fragments/calendar-month?calendar=community&month=2026-13").statusCode())
                .isEqualTo(400);
        assertThat(world.internal().get("/internal/fragments/calendar-month").statusCode()).isEqualTo(400);
        assertThat(world.internal().get("/internal/fragments/event-card?slug=nothing").statusCode()).isEqualTo(404);
        assertThat(world.internal().get("/internal/fragments/member-tickets").statusCode()).isEqualTo(400);
    }
}
