package com.roseash.events.pages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.roseash.events.feeds.ICalendarFeed;
import com.roseash.events.schedule.EventRepository;
import com.roseash.events.schedule.Occurrence;
import com.roseash.events.schedule.Recurrence;
import com.roseash.events.schedule.ScheduledEvent;
import com.roseash.events.schedule.Schedule;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Slugs;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * An event's page (when, where, what; its next dates when it repeats; cancelled ones say so) with the panels of
 * bookings and tickets, and its own iCalendar file at {@code /events/<slug>.ics}.
 */
public final class EventPages implements HttpService {

    /** Dates listed for a repeating event. */
    static final int NEXT_DATES = 10;

    private final EventRepository events;
    private final Schedule schedule;
    private final PageRenderer renderer;
    private final ICalendarFeed feed;
    private final List<EventPanel> panels;

    public EventPages(EventRepository events, Schedule schedule, PageRenderer renderer, ICalendarFeed feed,
                      List<EventPanel> panels) {
        this.events = events;
        this.schedule = schedule;
        this.renderer = renderer;
        this.feed = feed;
        this.panels = List.copyOf(panels);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/events/{slug}/", this::event)
                .get("/events/{name}", this::feedOrRedirect);
    }

    private void event(ServerRequest request, ServerResponse response) {
        String slug = Slugs.fromPath(request, "event");
        ScheduledEvent event = events.bySlug(slug).orElseThrow(() -> new NotFoundException("There is no event " + slug + "."));
        List<OccurrenceView> next = CalendarPages.views(Recurrence.upcoming(event, schedule.now(), NEXT_DATES), "../../");
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("next", next);
        model.put("hasNext", !next.isEmpty());
        model.put("repeats", event.recurring() && next.size() > 1);
        // A past single event still says when it was.
        model.put("when", next.isEmpty() ? new Occurrence(event, event.startsLocal().atZone(event.zone()),
                event.endsLocal().atZone(event.zone())).when() : next.getFirst().when());
        for (EventPanel panel : panels) {
            model.putAll(panel.model(request, event));
        }
        // Not shared: the panels are per member (their booking) and carry the form's CSRF token.
        renderer.render(request, response, new Page(event.title(), "events/event", model));
    }

    private void feedOrRedirect(ServerRequest request, ServerResponse response) {
        CalendarPages.feedSlug(request, response).ifPresent(slug -> {
            ScheduledEvent event = events.bySlug(slug)
                    .orElseThrow(() -> new NotFoundException("There is no event " + slug + "."));
            CalendarPages.sendFeed(response, feed.write(event.title(), List.of(event)), event.slug());
        });
    }
}
