package com.roseash.events.pages;

import java.util.Map;

import com.roseash.events.schedule.ScheduledEvent;
import io.helidon.webserver.http.ServerRequest;

/** A part of an event's page another feature owns (bookings, tickets): what it adds to the page's model. */
@FunctionalInterface
public interface EventPanel {

    Map<String, Object> model(ServerRequest request, ScheduledEvent event);
}
