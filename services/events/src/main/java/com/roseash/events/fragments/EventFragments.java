package com.roseash.events.fragments;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.roseash.events.bookings.Booking;
import com.roseash.events.bookings.BookingRepository;
import com.roseash.events.calendars.CalendarRepository;
import com.roseash.events.calendars.EventCalendar;
import com.roseash.events.pages.MonthGrid;
import com.roseash.events.pages.OccurrenceView;
import com.roseash.events.schedule.EventRepository;
import com.roseash.events.schedule.Occurrence;
import com.roseash.events.schedule.Recurrence;
import com.roseash.events.schedule.Schedule;
import com.roseash.events.schedule.ScheduledEvent;
import com.roseash.events.tickets.QrCodes;
import com.roseash.events.tickets.Ticket;
import com.roseash.events.tickets.TicketRepository;
import com.roseash.platform.fragments.FragmentRoutes;
import com.roseash.platform.web.Slugs;
import com.roseash.platform.web.Templates;
import io.helidon.http.BadRequestException;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.ServerRequest;

/**
 * The events service's widgets for other services' pages (the original's "container widgets"):
 * {@code upcoming-events?limit=&calendar=}, {@code calendar-month?calendar=&month=yyyy-mm} and
 * {@code event-card?slug=} for the blog, and {@code member-tickets?member=} and {@code member-bookings?member=}
 * for the member's account. Links are absolute to the events host, since they are shown on another.
 */
public final class EventFragments {

    public static final String UPCOMING = "upcoming-events";
    public static final String CALENDAR_MONTH = "calendar-month";
    public static final String EVENT_CARD = "event-card";
    public static final String MEMBER_TICKETS = "member-tickets";
    public static final String MEMBER_BOOKINGS = "member-bookings";
    private static final int MAX_LIMIT = 20;
    private static final int MEMBER_SHOWN = 20;

    /** A ticket in the account, with its QR code inline (an image from events' host would be another request). */
    public record TicketView(Ticket ticket, String qr) {
    }

    private final CalendarRepository calendars;
    private final EventRepository events;
    private final Schedule schedule;
    private final TicketRepository tickets;
    private final BookingRepository bookings;
    private final Templates templates;
    private final String eventsUrl;

    /** @param eventsUrl the events service's public address, ending in "/" */
    public EventFragments(CalendarRepository calendars, EventRepository events, Schedule schedule, TicketRepository tickets,
                          BookingRepository bookings, Templates templates, String eventsUrl) {
        this.calendars = calendars;
        this.events = events;
        this.schedule = schedule;
        this.tickets = tickets;
        this.bookings = bookings;
        this.templates = templates;
        this.eventsUrl = eventsUrl;
    }

    public FragmentRoutes addTo(FragmentRoutes routes) {
        return routes.addFor(UPCOMING, this::upcoming).addFor(CALENDAR_MONTH, this::calendarMonth)
                .addFor(EVENT_CARD, this::eventCard).addFor(MEMBER_TICKETS, this::memberTickets)
                .addFor(MEMBER_BOOKINGS, this::memberBookings);
    }

    String upcoming(ServerRequest request) {
        int limit = request.query().first("limit").map(EventFragments::limit).orElse(5);
        String calendar = request.query().first("calendar").orElse("");
        if (!calendar.isEmpty()) {
            calendar(calendar);
        }
        List<OccurrenceView> upcoming = schedule.upcoming(calendar, limit).stream()
                .map(o -> OccurrenceView.of(o, eventsUrl)).toList();
        return templates.render("events/fragments/upcoming-events", Map.of("upcoming", upcoming,
                "hasUpcoming", !upcoming.isEmpty(), "eventsUrl", eventsUrl));
    }

    String calendarMonth(ServerRequest request) {
        EventCalendar calendar = calendar(request.query().first("calendar")
                .orElseThrow(() -> new BadRequestException("calendar-month needs ?calendar=")));
        YearMonth month;
        try {
            month = request.query().first("month").map(YearMonth::parse).orElseGet(() -> YearMonth.now(calendar.zone()));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("month is like 2026-03");
        }
        LocalDate first = MonthGrid.firstShown(month);
        LocalDate end = MonthGrid.endShown(month);
        List<Occurrence> occurrences = schedule.between(calendar.slug(), first.atStartOfDay(calendar.zone()).toInstant(),
                end.atStartOfDay(calendar.zone()).toInstant());
        return templates.render("events/fragments/calendar-month", Map.of("calendar", calendar,
                "monthTitle", MonthGrid.title(month),
                "weeks", MonthGrid.weeks(first, end, month, LocalDate.now(calendar.zone()), calendar.zone(), occurrences,
                        eventsUrl),
                "monthUrl", eventsUrl + "calendars/" + calendar.slug() + "/" + month.toString().replace('-', '/') + "/"));
    }

    String eventCard(ServerRequest request) {
        String slug = request.query().first("slug").orElseThrow(() -> new BadRequestException("event-card needs ?slug="));
        ScheduledEvent event = (Slugs.isValid(slug) ? events.bySlug(slug) : Optional.<ScheduledEvent>empty())
                .orElseThrow(() -> new NotFoundException("There is no event " + slug + "."));
        List<Occurrence> next = Recurrence.upcoming(event, schedule.now(), 1);
        String when = next.isEmpty() ? new Occurrence(event, event.startsLocal().atZone(event.zone()),
                event.endsLocal().atZone(event.zone())).when() : next.getFirst().when();
        return templates.render("events/fragments/event-card", Map.of("event", event, "when", when,
                "url", eventsUrl + "events/" + event.slug() + "/", "past", next.isEmpty()));
    }

    String memberTickets(ServerRequest request) {
        List<TicketView> mine = tickets.ofMember(member(request, MEMBER_TICKETS), MEMBER_SHOWN).stream()
                .map(t -> new TicketView(t, QrCodes.svg(eventsUrl + "tickets/" + t.code() + "/"))).toList();
        return templates.render("events/fragments/member-tickets", Map.of("tickets", mine, "hasTickets", !mine.isEmpty(),
                "eventsUrl", eventsUrl));
    }

    String memberBookings(ServerRequest request) {
        List<Booking> mine = bookings.ofMember(member(request, MEMBER_BOOKINGS), MEMBER_SHOWN);
        return templates.render("events/fragments/member-bookings", Map.of("bookings", mine, "hasBookings", !mine.isEmpty(),
                "eventsUrl", eventsUrl));
    }

    private static String member(ServerRequest request, String type) {
        return request.query().first("member").filter(value -> !value.isBlank())
                .orElseThrow(() -> new BadRequestException(type + " needs ?member="));
    }

    private EventCalendar calendar(String slug) {
        return (Slugs.isValid(slug) ? calendars.bySlug(slug) : Optional.<EventCalendar>empty())
                .orElseThrow(() -> new NotFoundException("There is no calendar " + slug + "."));
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new BadRequestException("limit is 1 to " + MAX_LIMIT);
    }
}
