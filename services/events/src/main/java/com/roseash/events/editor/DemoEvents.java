package com.roseash.events.editor;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.events.calendars.CalendarRepository;
import com.roseash.events.calendars.EventCalendar;
import com.roseash.events.schedule.EventDraft;
import com.roseash.events.schedule.EventRepository;
import com.roseash.events.tickets.TicketStock;
import com.roseash.platform.markdown.MarkdownRenderer;
import com.roseash.platform.money.Money;

/**
 * The local stack's demo calendars and events, dated from the day they are loaded (so something is always coming
 * up): a weekly market with a week skipped, an event with tickets, one with places to book, a cancelled one and
 * an all-day one. Each goes through the editor's own checks ({@link EventDraft#problems}).
 */
public final class DemoEvents {

    private final CalendarRepository calendars;
    private final EventRepository events;
    private final TicketStock tickets;
    private final MarkdownRenderer markdown;
    private final Clock clock;

    public DemoEvents(CalendarRepository calendars, EventRepository events, TicketStock tickets, MarkdownRenderer markdown,
                      Clock clock) {
        this.calendars = calendars;
        this.events = events;
        this.tickets = tickets;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** Loads the demo; returns how many events it stored. */
    public int load(InputStream json) throws IOException {
        JsonNode demo = new ObjectMapper().readTree(json);
        for (JsonNode calendar : demo.path("calendars")) {
            calendars.create(calendar.path("slug").asText(), calendar.path("name").asText(),
                    calendar.path("description").asText(), ZoneId.of(calendar.path("timeZone").asText()));
        }
        int loaded = 0;
        for (JsonNode event : demo.path("events")) {
            EventCalendar calendar = calendars.bySlug(event.path("calendar").asText()).orElseThrow();
            EventDraft draft = draft(event, calendar.zone());
            if (!draft.problems().isEmpty()) {
                throw new IllegalStateException("Demo event " + draft.slug() + ": " + draft.problems());
            }
            long id = events.create(calendar.id(), draft, markdown.render(draft.markdown())).orElseThrow();
            events.setExceptions(id, draft.exceptions());
            if (event.path("cancelled").asBoolean()) {
                events.setCancelled(id, true);
            }
            for (JsonNode type : event.path("tickets")) {
                tickets.create(id, draft.slug() + "-" + type.path("name").asText().toLowerCase(Locale.ROOT),
                        type.path("name").asText(), Money.parse(type.path("price").asText(), "GBP"),
                        type.path("capacity").asInt(), null, null);
            }
            loaded++;
        }
        return loaded;
    }

    private EventDraft draft(JsonNode event, ZoneId zone) {
        LocalDate day = LocalDate.now(clock.withZone(zone)).plusDays(event.path("daysFromNow").asInt());
        boolean allDay = event.path("allDay").asBoolean();
        LocalDate lastDay = day.plusDays(Math.max(1, event.path("days").asInt(1)) - 1);
        String rrule = event.has("weekly") ? "FREQ=WEEKLY;COUNT=" + event.path("weekly").asInt() : "";
        List<String> skipped = new ArrayList<>();
        for (JsonNode week : event.path("skipWeeks")) {
            LocalDateTime at = day.plusWeeks(week.asInt()).atTime(allDay ? LocalTime.MIDNIGHT
                    : LocalTime.parse(event.path("start").asText()));
            skipped.add(at.toLocalDate() + (allDay ? "" : " " + at.toLocalTime()));
        }
        return new EventDraft("", event.path("title").asText(), event.path("slug").asText(), event.path("markdown").asText(),
                day.toString(), allDay ? "" : event.path("start").asText(), lastDay.toString(),
                allDay ? "" : event.path("end").asText(), allDay, zone.getId(), event.path("location").asText(), rrule,
                String.join("\n", skipped), event.has("places") ? String.valueOf(event.path("places").asInt()) : "");
    }
}
