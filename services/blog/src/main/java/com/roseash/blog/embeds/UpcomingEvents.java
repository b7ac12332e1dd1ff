package com.roseash.blog.embeds;

import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.platform.fragments.Fragment;
import com.roseash.platform.fragments.FragmentClient;
import com.roseash.platform.web.Html;

/**
 * The home page's "Upcoming events": the events service's {@code upcoming-events} fragment, and a link to the
 * calendar in its place while events cannot show it (slow, down), so the home page never waits or fails on it.
 */
public final class UpcomingEvents {

    public static final Fragment UPCOMING = new Fragment(ServiceName.EVENTS, "upcoming-events");
    /** How many the home page shows. */
    static final int SHOWN = 3;

    private final FragmentClient fragments;
    private final String eventsUrl;

    /** @param eventsUrl the events service's public address, ending in "/" */
    public UpcomingEvents(FragmentClient fragments, String eventsUrl) {
        this.fragments = fragments;
        this.eventsUrl = eventsUrl;
    }

    public String html() {
        return fragments.fetchForParameters(UPCOMING, Map.of("limit", String.valueOf(SHOWN)))
                .orElseGet(() -> "<section class=\"upcoming-events upcoming-events-unavailable\"><h2>Upcoming events</h2>"
                        + "<p>Upcoming events cannot be shown just now. <a href=\"" + Html.escape(eventsUrl)
                        + "\">See the calendar</a></p></section>");
    }
}
