package com.roseash.events.pages;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.roseash.events.calendars.CalendarRepository;
import com.roseash.events.calendars.EventCalendar;
import com.roseash.events.feeds.ICalendarFeed;
import com.roseash.events.schedule.EventRepository;
import com.roseash.events.schedule.Occurrence;
import com.roseash.events.schedule.Schedule;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Slugs;
import com.roseash.platform.web.TrailingSlash;
import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The calendars' pages: the events home (calendars and what is coming up), and per calendar a list, a month and
 * a week view, plus its iCalendar feed at {@code /calendars/<slug>.ics}. Links are relative, so navigation between
 * months stays boosted.
 */
public final class CalendarPages implements HttpService {

    /** Occurrences on the home and list pages. */
    static final int LISTED = 20;
    /** Months a visitor may page through either side of now: beyond, nobody looks, and a crawler would never stop. */
    static final int MONTHS_EITHER_SIDE = 120;
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final CalendarRepository calendars;
    private final Schedule schedule;
    private final PageRenderer renderer;
    private final ICalendarFeed feed;
    private final EventRepository events;

    public CalendarPages(CalendarRepository calendars, EventRepository events, Schedule schedule,
                         PageRenderer renderer, ICalendarFeed feed) {
        this.calendars = calendars;
        this.events = events;
        this.schedule = schedule;
        this.renderer = renderer;
        this.feed = feed;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::home)
                .get("/calendars/{slug}/", this::list)
                .get("/calendars/{slug}/week/{date}/", this::week)
                .get("/calendars/{slug}/week/{date}", TrailingSlash::redirect)
                .get("/calendars/{slug}/{year}/{month}/", this::month)
                .get("/calendars/{slug}/{year}/{month}", TrailingSlash::redirect)
                .get("/calendars/{name}", this::feedOrRedirect);
    }

    private void home(ServerRequest request, ServerResponse response) {
        renderer.renderShared(request, response, () -> {
            List<OccurrenceView> upcoming = views(schedule.upcoming("", LISTED), "");
            return new Page("Events", "events/home", Map.of("calendars", calendars.all(), "upcoming", upcoming,
                    "hasUpcoming", !upcoming.isEmpty()));
        });
    }

    private void list(ServerRequest request, ServerResponse response) {
        EventCalendar calendar = calendar(request);
        renderer.renderShared(request, response, () -> {
            List<OccurrenceView> upcoming = views(schedule.upcoming(calendar.slug(), LISTED), "../../");
            LocalDate today = LocalDate.now(calendar.zone());
            return new Page(calendar.name(), "events/calendar", Map.of("calendar", calendar, "upcoming", upcoming,
                    "hasUpcoming", !upcoming.isEmpty(),
                    "monthPath", YearMonth.from(today).toString().replace('-', '/') + "/",
                    "weekPath", "week/" + today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) + "/"));
        });
    }

    private void month(ServerRequest request, ServerResponse response) {
        EventCalendar calendar = calendar(request);
        YearMonth month = yearMonth(request.path().pathParameters().get("year"), request.path().pathParameters().get("month"));
        renderer.renderShared(request, response, () -> {
            LocalDate first = MonthGrid.firstShown(month);
            LocalDate end = MonthGrid.endShown(month);
            List<Occurrence> occurrences = schedule.between(calendar.slug(), first.atStartOfDay(calendar.zone()).toInstant(),
                    end.atStartOfDay(calendar.zone()).toInstant());
            Map<String, Object> model = new HashMap<>();
            model.put("calendar", calendar);
            model.put("monthTitle", MonthGrid.title(month));
            model.put("weeks", MonthGrid.weeks(first, end, month, LocalDate.now(calendar.zone()), calendar.zone(), occurrences,
                    "../../../../"));
            model.put("previousPath", "../../" + month.minusMonths(1).toString().replace('-', '/') + "/");
            model.put("nextPath", "../../" + month.plusMonths(1).toString().replace('-', '/') + "/");
            model.put("weekPath", "../../week/" + first + "/");
            model.put("hasEvents", !occurrences.isEmpty());
            return new Page(calendar.name() + ": " + MonthGrid.title(month), "events/month", model);
        });
    }

    private void week(ServerRequest request, ServerResponse response) {
        EventCalendar calendar = calendar(request);
        LocalDate monday = monday(request.path().pathParameters().get("date"));
        renderer.renderShared(request, response, () -> {
            LocalDate end = monday.plusDays(7);
            List<Occurrence> occurrences = schedule.between(calendar.slug(), monday.atStartOfDay(calendar.zone()).toInstant(),
                    end.atStartOfDay(calendar.zone()).toInstant());
            Map<String, Object> model = new HashMap<>();
            model.put("calendar", calendar);
            model.put("weekTitle", "Week of " + WEEK.format(monday));
            model.put("days", MonthGrid.weeks(monday, end, YearMonth.from(monday), LocalDate.now(calendar.zone()),
                    calendar.zone(), occurrences, "../../../../").getFirst().days());
            model.put("previousPath", "../" + monday.minusDays(7) + "/");
            model.put("nextPath", "../" + monday.plusDays(7) + "/");
            model.put("monthPath", "../../" + YearMonth.from(monday).toString().replace('-', '/') + "/");
            return new Page(calendar.name() + ": week of " + monday, "events/week", model);
        });
    }

    /** {@code /calendars/<slug>.ics} is the calendar's feed; any other path without its slash gets one. */
    private void feedOrRedirect(ServerRequest request, ServerResponse response) {
        feedSlug(request, response).ifPresent(slug -> {
            EventCalendar calendar = calendars.bySlug(slug)
                    .orElseThrow(() -> new NotFoundException("There is no calendar " + slug + "."));
            sendFeed(response, feed.write(calendar.name(), events.ofCalendar(calendar.slug())), calendar.slug());
        });
    }

    /**
     * The slug of a feed's path ({@code <slug>.ics} in the {@code name} parameter); a path that is not a feed is
     * redirected to its slash, and empty returned. A slug that cannot exist is a 404.
     */
    static Optional<String> feedSlug(ServerRequest request, ServerResponse response) {
        String name = request.path().pathParameters().get("name");
        if (!name.endsWith(".ics")) {
            TrailingSlash.redirect(request, response);
            return Optional.empty();
        }
        String slug = name.substring(0, name.length() - ".ics".length());
        if (!Slugs.isValid(slug)) {
            throw new NotFoundException("There is no " + slug + ".");
        }
        return Optional.of(slug);
    }

    /** A feed, as calendar applications expect it: text/calendar, UTF-8, a file name for those that save it. */
    public static void sendFeed(ServerResponse response, String calendar, String name) {
        response.header(HeaderNames.CONTENT_TYPE, "text/calendar; charset=utf-8")
                .header(HeaderNames.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".ics\"")
                .header(HeaderNames.CACHE_CONTROL, "public, max-age=300")
                .send(calendar);
    }

    private EventCalendar calendar(ServerRequest request) {
        String slug = Slugs.fromPath(request, "calendar");
        return calendars.bySlug(slug).orElseThrow(() -> new NotFoundException("There is no calendar " + slug + "."));
    }

    static List<OccurrenceView> views(List<Occurrence> occurrences, String eventsBase) {
        return occurrences.stream().map(o -> OccurrenceView.of(o, eventsBase)).toList();
    }

    /** The month of a path, within {@link #MONTHS_EITHER_SIDE} of now; anything else is a 404 with the reason. */
    static YearMonth yearMonth(String year, String month) {
        YearMonth parsed;
        try {
            if (!year.matches("\\d{4}") || !month.matches("\\d{2}")) {
                throw new DateTimeException("not digits");
            }
            parsed = YearMonth.of(Integer.parseInt(year), Integer.parseInt(month));
        } catch (DateTimeException e) {
            throw new NotFoundException("There is no month " + year + "/" + month + ": months are like 2026/03.");
        }
        return near(parsed);
    }

    private static YearMonth near(YearMonth month) {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        if (month.isBefore(now.minusMonths(MONTHS_EITHER_SIDE)) || month.isAfter(now.plusMonths(MONTHS_EITHER_SIDE))) {
            throw new NotFoundException("The calendar shows the ten years either side of now.");
        }
        return month;
    }

    private static LocalDate monday(String date) {
        try {
            LocalDate parsed = LocalDate.parse(date);
            near(YearMonth.from(parsed));
            return parsed.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } catch (DateTimeParseException e) {
            throw ErrorResponses.badRequest("A week is named by a date such as 2026-03-02, not " + date + ".");
        }
    }

}
