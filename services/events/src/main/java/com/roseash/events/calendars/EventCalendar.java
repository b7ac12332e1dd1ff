package com.roseash.events.calendars;

import java.time.ZoneId;

/** A calendar: a named set of events, and the zone its month and week views count days in. */
public record EventCalendar(long id, String slug, String name, String description, ZoneId zone) {
}
