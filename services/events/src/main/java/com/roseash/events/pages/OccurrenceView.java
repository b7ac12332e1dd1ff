package com.roseash.events.pages;

import com.roseash.events.schedule.Occurrence;

/** An occurrence as the templates show it; {@code url} is relative where the view is shown, or absolute in fragments. */
public record OccurrenceView(String title, String when, String time, String isoStart, String url, boolean cancelled,
                             String location, String calendarName) {

    public static OccurrenceView of(Occurrence occurrence, String eventsBase) {
        return new OccurrenceView(occurrence.event().title(), occurrence.when(), occurrence.startTime(),
                occurrence.isoStart(), eventsBase + "events/" + occurrence.event().slug() + "/", occurrence.event().cancelled(),
                occurrence.event().location(), occurrence.event().calendarName());
    }
}
