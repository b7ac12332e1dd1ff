package com.roseash.events.pages;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import com.roseash.events.testing.EventsWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** The visitor's pages, on the embedded PostgreSQL: month, week and list views, an event, the feeds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarPagesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private EventsWorld world;
    private LocalDate soon;

    @BeforeAll
    void events() {
        world = new EventsWorld();
        long community = world.calendar("community", "Europe/London");
        soon = LocalDate.now(LONDON).plusDays(3);
        world.event(community, "market", "Saturday market", soon + "T09:00", soon + "T13:00", "Europe/London",
                "FREQ=WEEKLY;COUNT=8", null);
        world.sql("INSERT INTO events.event_exceptions (event_id, occurrence_local) SELECT id, ?::timestamp FROM events.events"
                + " WHERE slug = 'market'", soon.plusWeeks(1) + "T09:00");
        long fair = world.event(community, "winter-fair", "Winter fair", soon.plusDays(1) + "T10:00", soon.plusDays(1) + "T15:00",
                "Europe/London", null, null);
        world.sql("UPDATE events.events SET cancelled = true WHERE id = ?", fair);
        world.event(community, "last-year", "Last year's fair", "2025-01-10T10:00", "2025-01-10T12:00", "Europe/London", null,
                null);
    }

    @AfterAll
    void close() {
        world.close();
    }

    private String page(String path) {
        HttpResponse<String> response = world.get(path, "Accept", "text/html");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void theHomeListsCalendarsAndWhatIsComingUpWithCancelledOnesMarked() {
        String home = page("/");

        assertThat(home).contains("<a href=\"calendars/community/\">Calendar community</a>")
                .contains("<a href=\"events/market/\">Saturday market</a>")
                .contains("<li class=\"occurrence cancelled\">\n    <a href=\"events/winter-fair/\">Winter fair</a> "
                        + "<strong class=\"cancelled-label\">Cancelled</strong>")
                .doesNotContain("Last year's fair");
        assertThat(home.indexOf("Saturday market")).as("by date").isLessThan(home.indexOf("Winter fair"));
    }

    @Test
    void theMonthShowsEachOccurrenceOnItsDayWithoutTheExceptionAndLinksToItsNeighboursRelatively() {
        YearMonth month = YearMonth.from(soon);
        String path = "/calendars/community/" + month.toString().replace('-', '/') + "/";

        String body = page(path);

        assertThat(body).contains("rel=\"prev\" href=\"../../" + month.minusMonths(1).toString().replace('-', '/') + "/\"")
                .contains("rel=\"next\" href=\"../../" + month.plusMonths(1).toString().replace('-', '/') + "/\"")
                .contains("<a href=\"../../../../events/market/\">09:00 Saturday market</a>");
        int marketsShown = body.split("09:00 Saturday market").length - 1;
        int expected = 0;
        for (int week = 0; week < 8; week++) {
            LocalDate day = soon.plusWeeks(week);
            if (week != 1 && !day.isBefore(MonthGrid.firstShown(month)) && day.isBefore(MonthGrid.endShown(month))) {
                expected++;
            }
        }
        assertThat(marketsShown).as("weekly, less the exception, within the grid").isEqualTo(expected);
    }

    @Test
    void theWeekAndListViewsShowTheSameEvents() {
        LocalDate monday = soon.minusDays(soon.getDayOfWeek().getValue() - 1);

        String week = page("/calendars/community/week/" + soon + "/");
        String list = page("/calendars/community/");

        assertThat(week).contains("Week of").contains("rel=\"next\" href=\"../" + monday.plusDays(7) + "/\"")
                .contains("09:00 Saturday market");
        assertThat(list).contains("Saturday market").contains("href=\"../community.ics\"");
    }

    @Test
    void anEventPageSaysWhenAndWhereAndListsTheNextDatesOfARepeatingOne() {
        String market = page("/events/market/");
        String fair = page("/events/winter-fair/");

        assertThat(market).contains("<h1>Saturday market</h1>").contains("<h2>Next dates</h2>").contains("(Europe/London)")
                .contains("<p>About Saturday market</p>").contains("href=\"../market.ics\"");
        assertThat(fair).contains("<strong>Cancelled.</strong> This event will not take place.");
        assertThat(page("/events/last-year/")).as("a past event still says when it was")
                .contains("Friday 10 January 2025, 10:00 to 12:00 (Europe/London)");
    }

    @Test
    void theFeedsAreCalendarFiles() {
        HttpResponse<String> calendar = world.get("/calendars/community.ics");
        HttpResponse<String> event = world.get("/events/winter-fair.ics");

        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.headers().firstValue("Content-Type")).contains("text/calendar; charset=utf-8");
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:Saturday market")
                .contains("SUMMARY:Last year's fair");
        assertThat(event.body()).contains("STATUS:CANCELLED").doesNotContain("Saturday market");
    }

    @Test
    void pathsThatNameNothingAreNotFoundWithTheReasonNeverAnError() {
        assertThat(world.get("/calendars/community/2026/13/").statusCode()).isEqualTo(404);
        assertThat(world.get("/calendars/community/abcd/01/", "Accept", "application/json").body())
                .contains("months are like 2026/03");
        assertThat(world.get("/calendars/community/9999/01/").statusCode()).isEqualTo(404);
        assertThat(world.get("/calendars/nowhere/").statusCode()).isEqualTo(404);
        assertThat(world.get("/calendars/nowhere.ics").statusCode()).isEqualTo(404);
        assertThat(world.get("/calendars/community/week/2026-02-30/").statusCode()).isEqualTo(400);
        assertThat(world.get("/events/Not%20A%20Slug/").statusCode()).isEqualTo(404);
        assertThat(world.get("/events/market").statusCode()).as("the slash added").isEqualTo(301);
    }
}
