package com.roseash.events.editor;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.roseash.events.bookings.BookingRepository;
import com.roseash.events.calendars.CalendarRepository;
import com.roseash.events.calendars.EventCalendar;
import com.roseash.events.schedule.EventDraft;
import com.roseash.events.schedule.EventRepository;
import com.roseash.events.schedule.ScheduledEvent;
import com.roseash.events.tickets.TicketStock;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.cache.PageCache;
import com.roseash.platform.markdown.MarkdownRenderer;
import com.roseash.platform.money.Money;
import com.roseash.platform.web.FormData;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Slugs;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The organisers' pages (role {@code editor}): calendars, events (with repeat rules and exceptions, cancelling
 * and reinstating), an event's ticket types and its bookings. A form that cannot be stored comes back with a 400
 * and each field's problem. Every change clears the page cache, so visitors see it at once.
 */
public final class EventEditorRoutes implements HttpService {

    public static final String MOUNT = "/editor";

    private final CalendarRepository calendars;
    private final EventRepository events;
    private final TicketStock tickets;
    private final BookingRepository bookings;
    private final MarkdownRenderer markdown;
    private final PageRenderer renderer;
    private final PageCache pages;
    private final Roles roles;

    public EventEditorRoutes(CalendarRepository calendars, EventRepository events, TicketStock tickets,
                             BookingRepository bookings, MarkdownRenderer markdown, PageRenderer renderer, PageCache pages,
                             Roles roles) {
        this.calendars = calendars;
        this.events = events;
        this.tickets = tickets;
        this.bookings = bookings;
        this.markdown = markdown;
        this.renderer = renderer;
        this.pages = pages;
        this.roles = roles;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", organisers((req, res) -> list(req, res, Status.OK_200, Map.of(), Map.of())))
                .post("/calendars", organisers(this::createCalendar))
                .get("/events/new", organisers(this::newEvent))
                .post("/events/new", organisers(this::createEvent))
                .get("/events/{id}/", organisers(this::editEvent))
                .post("/events/{id}/", organisers(this::saveEvent))
                .post("/events/{id}/ticket-types", organisers(this::createTicketType));
    }

    private Handler organisers(Handler handler) {
        return roles.require("editor", handler);
    }

    private void list(ServerRequest request, ServerResponse response, Status status, Map<String, String> problems,
                      Map<String, String> calendarForm) {
        renderer.renderStatus(request, response, status, new Page("Events editor", "events/editor/list", Map.of(
                "calendars", calendars.all(), "events", events.all(), "problems", problems, "form", calendarForm)));
    }

    private void createCalendar(ServerRequest request, ServerResponse response) {
        Parameters form = FormData.of(request);
        String name = form.first("name").orElse("").strip();
        String slug = form.first("slug").orElse("").strip();
        slug = slug.isEmpty() ? Slugs.slugify(name) : slug;
        String zone = form.first("timeZone").orElse("").strip();
        String description = form.first("description").orElse("").strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (name.isEmpty() || name.length() > 120) {
            problems.put("name", "A calendar needs a name of 1 to 120 characters.");
        }
        if (!Slugs.isValid(slug)) {
            problems.put("slug", "An address is lowercase letters, digits and hyphens.");
        }
        ZoneId zoneId = null;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.put("timeZone", "Not a time zone: use a name such as Europe/London.");
        }
        if (description.length() > 1000) {
            problems.put("description", "A description is at most 1,000 characters.");
        }
        if (problems.isEmpty() && !calendars.create(slug, name, description, zoneId)) {
            problems.put("slug", "There is a calendar at " + slug + " already.");
        }
        if (!problems.isEmpty()) {
            list(request, response, Status.BAD_REQUEST_400, problems, Map.of("name", name, "slug", slug, "timeZone", zone,
                    "description", description));
            return;
        }
        pages.clear();
        redirect(response, MOUNT + "/");
    }

    private void newEvent(ServerRequest request, ServerResponse response) {
        String zone = calendars.all().stream().findFirst().map(c -> c.zone().getId()).orElse("Europe/London");
        EventDraft blank = new EventDraft("", "", "", "", "", "", "", "", false, zone, "", "", "", "");
        eventForm(request, response, Status.OK_200, Map.of("isNew", true, "draft", blank), Map.of());
    }

    private void createEvent(ServerRequest request, ServerResponse response) {
        EventDraft draft = EventDraft.from(FormData.of(request));
        Map<String, String> problems = new LinkedHashMap<>(draft.problems());
        Optional<EventCalendar> calendar = calendar(draft, problems);
        if (problems.isEmpty()) {
            Optional<Long> id = events.create(calendar.orElseThrow().id(), draft, markdown.render(draft.markdown()));
            if (id.isPresent()) {
                events.setExceptions(id.get(), draft.exceptions());
                pages.clear();
                redirect(response, MOUNT + "/events/" + id.get() + "/");
                return;
            }
            problems.put("slug", "Another event has this address already.");
        }
        eventForm(request, response, Status.BAD_REQUEST_400, Map.of("isNew", true, "draft", draft), problems);
    }

    private void editEvent(ServerRequest request, ServerResponse response) {
        ScheduledEvent event = event(request);
        eventForm(request, response, Status.OK_200, existing(event, EventDraft.of(event)), Map.of());
    }

    private void saveEvent(ServerRequest request, ServerResponse response) {
        ScheduledEvent event = event(request);
        Parameters form = FormData.of(request);
        String action = form.first("action").orElse("save");
        if (action.equals("cancel") || action.equals("reinstate")) {
            events.setCancelled(event.id(), action.equals("cancel"));
            pages.clear();
            redirect(response, MOUNT + "/events/" + event.id() + "/");
            return;
        }
        EventDraft draft = EventDraft.from(form);
        Map<String, String> problems = new LinkedHashMap<>(draft.problems());
        Optional<EventCalendar> calendar = calendar(draft, problems);
        if (problems.isEmpty() && !events.update(event.id(), calendar.orElseThrow().id(), draft,
                markdown.render(draft.markdown()))) {
            problems.put("slug", "Another event has this address already.");
        }
        if (!problems.isEmpty()) {
            eventForm(request, response, Status.BAD_REQUEST_400, existing(event, draft), problems);
            return;
        }
        pages.clear();
        redirect(response, MOUNT + "/events/" + event.id() + "/");
    }

    private void createTicketType(ServerRequest request, ServerResponse response) {
        ScheduledEvent event = event(request);
        Parameters form = FormData.of(request);
        String name = form.first("name").orElse("").strip();
        String slug = event.slug() + "-" + Slugs.slugify(name);
        Map<String, String> problems = new LinkedHashMap<>();
        if (name.isEmpty() || name.length() > 80) {
            problems.put("ticketName", "A ticket type needs a name of 1 to 80 characters.");
        }
        Money price = null;
        try {
            price = Money.parse(form.first("price").orElse(""), form.first("currency").orElse("GBP").strip());
            if (price.isNegative()) {
                problems.put("ticketPrice", "A price is 0 or more.");
            }
        } catch (IllegalArgumentException e) {
            problems.put("ticketPrice", "A price is an amount such as 12.50 in a currency such as GBP: " + e.getMessage());
        }
        int capacity = 0;
        try {
            capacity = Integer.parseInt(form.first("capacity").orElse("").strip());
        } catch (NumberFormatException e) {
            capacity = 0;
        }
        if (capacity < 1 || capacity > EventDraft.MAX_PLACES) {
            problems.put("ticketCapacity", "Capacity is a number from 1 to " + EventDraft.MAX_PLACES + ".");
        }
        Instant saleStarts = saleTime(form, "saleStarts", event.zone(), problems);
        Instant saleEnds = saleTime(form, "saleEnds", event.zone(), problems);
        if (saleStarts != null && saleEnds != null && !saleEnds.isAfter(saleStarts)) {
            problems.put("saleEnds", "Sales end after they start.");
        }
        if (problems.isEmpty() && !tickets.create(event.id(), slug, name, price, capacity, saleStarts, saleEnds)) {
            problems.put("ticketName", "This event has a ticket type of that name already.");
        }
        if (!problems.isEmpty()) {
            eventForm(request, response, Status.BAD_REQUEST_400, existing(event, EventDraft.of(event)), problems);
            return;
        }
        pages.clear();
        redirect(response, MOUNT + "/events/" + event.id() + "/");
    }

    /** An optional sale time typed as a local date-time in the event's zone ({@code 2026-10-01T09:00}). */
    private static Instant saleTime(Parameters form, String field, ZoneId zone, Map<String, String> problems) {
        String text = form.first(field).orElse("").strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.put(field, "A date and time such as 2026-10-01T09:00, or empty.");
            return null;
        }
    }

    private Map<String, Object> existing(ScheduledEvent event, EventDraft draft) {
        return Map.of("draft", draft, "id", event.id(), "event", event, "ticketTypes", tickets.ofEvent(event.id()),
                "bookings", bookings.ofEvent(event.id()));
    }

    private Optional<EventCalendar> calendar(EventDraft draft, Map<String, String> problems) {
        Optional<EventCalendar> calendar = Slugs.isValid(draft.calendar()) ? calendars.bySlug(draft.calendar())
                : Optional.empty();
        if (calendar.isEmpty()) {
            problems.put("calendar", "Choose one of the calendars.");
        }
        return calendar;
    }

    private void eventForm(ServerRequest request, ServerResponse response, Status status, Map<String, Object> fields,
                           Map<String, String> problems) {
        Map<String, Object> model = new HashMap<>(fields);
        EventDraft draft = (EventDraft) fields.get("draft");
        model.put("problems", problems);
        model.put("calendarChoices", calendars.all().stream()
                .map(c -> Map.of("slug", c.slug(), "name", c.name(), "selected", c.slug().equals(draft.calendar()))).toList());
        String title = fields.containsKey("isNew") ? "New event" : "Edit " + draft.title();
        renderer.renderStatus(request, response, status, new Page(title, "events/editor/event-form", model));
    }

    private ScheduledEvent event(ServerRequest request) {
        String raw = request.path().pathParameters().get("id");
        try {
            return events.byId(Long.parseLong(raw)).orElseThrow(() -> new NotFoundException("There is no such event."));
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is nothing at " + raw + ".");
        }
    }

    private static void redirect(ServerResponse response, String location) {
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }
}
