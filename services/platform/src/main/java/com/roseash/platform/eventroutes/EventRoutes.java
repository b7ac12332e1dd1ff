package com.roseash.platform.eventroutes;

import java.util.LinkedHashMap;
import java.util.Map;

import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.events.DomainEvent;
import com.roseash.platform.events.EventHandler;
import com.roseash.platform.events.EventInbox;
import com.roseash.platform.events.EventJson;
import com.roseash.platform.events.MalformedEventException;
import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Receives other services' domain events on the internal socket: a route group mounted at {@link #MOUNT}, to which
 * producers POST each event ({@code platform.events.OutboxProcessor}). Answers 200 when the event was handled now
 * or before (the inbox makes a redelivery harmless), 400 with the reason when the body is not an event (retrying
 * will not help, but the producer keeps the event and says so in its log), 404 for a type nothing here handles,
 * and 500 when the handler failed: its transaction rolled back and the producer retries.
 */
public final class EventRoutes implements HttpService {

    /** Where a service mounts the group on its internal socket; subscribers' endpoints end in it. */
    public static final String MOUNT = "/internal/events";

    private final EventInbox inbox;
    private final Map<String, EventHandler> handlers = new LinkedHashMap<>();

    public EventRoutes(EventInbox inbox) {
        this.inbox = inbox;
    }

    public EventRoutes on(String type, EventHandler handler) {
        handlers.put(type, handler);
        return this;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::receive);
    }

    private void receive(ServerRequest request, ServerResponse response) {
        DomainEvent event;
        try {
            event = EventJson.read(request.content().as(String.class));
        } catch (MalformedEventException e) {
            throw ErrorResponses.badRequest(e.getMessage());
        }
        EventHandler handler = handlers.get(event.type());
        if (handler == null) {
            throw new NotFoundException("Nothing here handles " + event.type() + " events");
        }
        EventInbox.Outcome outcome;
        try {
            outcome = inbox.handle(event, handler);
        } catch (MalformedEventException e) {
            // A payload the handler cannot read: retrying the same bytes cannot help, so not a 500.
            throw ErrorResponses.badRequest(e.getMessage());
        }
        response.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .send("{\"outcome\":\"" + (outcome == EventInbox.Outcome.HANDLED ? "handled" : "already handled") + "\"}");
    }
}
