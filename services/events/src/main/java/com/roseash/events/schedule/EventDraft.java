package com.roseash.events.schedule;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.roseash.platform.web.Slugs;
import io.helidon.common.parameters.Parameters;

/**
 * The event form as an organiser filled it in: the fields as typed (so the form can show them again) and what
 * they mean once checked. {@link #problems()} names each field that cannot be stored and why.
 *
 * @param exceptionsText occurrences that do not happen, one per line ({@code 2026-10-28 10:00}, or a date)
 */
public record EventDraft(String calendar, String title, String slug, String markdown, String startDate, String startTime,
                         String endDate, String endTime, boolean allDay, String timeZone, String location, String rrule,
                         String exceptionsText, String placesText) {

    public static final int MAX_PLACES = 100_000;

    public static EventDraft from(Parameters form) {
        String title = field(form, "title");
        String slug = field(form, "slug");
        String rrule = field(form, "rrule").toUpperCase(Locale.ROOT);
        return new EventDraft(field(form, "calendar"), title, slug.isEmpty() ? Slugs.slugify(title) : slug,
                form.first("markdown").orElse(""), field(form, "startDate"), field(form, "startTime"),
                field(form, "endDate"), field(form, "endTime"), form.first("allDay").isPresent(), field(form, "timeZone"),
                field(form, "location"), rrule.startsWith("RRULE:") ? rrule.substring(6) : rrule,
                form.first("exceptions").orElse("").strip(), field(form, "places"));
    }

    /** The form for an existing event. */
    public static EventDraft of(ScheduledEvent event) {
        LocalDateTime end = event.allDay() ? event.endsLocal().minusDays(1) : event.endsLocal();
        StringBuilder exceptions = new StringBuilder();
        event.exceptions().forEach(x -> exceptions.append(event.allDay() ? x.toLocalDate().toString()
                : x.toLocalDate() + " " + x.toLocalTime()).append('\n'));
        return new EventDraft(event.calendarSlug(), event.title(), event.slug(), event.descriptionMarkdown(),
                event.startsLocal().toLocalDate().toString(), event.allDay() ? "" : event.startsLocal().toLocalTime().toString(),
                end.toLocalDate().toString(), event.allDay() ? "" : end.toLocalTime().toString(), event.allDay(),
                event.zone().getId(), event.location(), event.rrule(), exceptions.toString().strip(),
                event.places() == 0 ? "" : String.valueOf(event.places()));
    }

    private static String field(Parameters form, String name) {
        return form.first(name).orElse("").strip();
    }

    /** Each field that cannot be stored, with the reason, for the form. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isEmpty() || title.length() > 200) {
            problems.put("title", "An event needs a title of 1 to 200 characters.");
        }
        if (!Slugs.isValid(slug)) {
            problems.put("slug", "An address is lowercase letters, digits and hyphens.");
        }
        if (markdown.length() > 50_000) {
            problems.put("markdown", "A description is at most 50,000 characters.");
        }
        if (location.length() > 300) {
            problems.put("location", "A location is at most 300 characters.");
        }
        try {
            zone();
        } catch (DateTimeException e) {
            problems.put("timeZone", "Not a time zone: use a name such as Europe/London.");
        }
        LocalDateTime start = null;
        try {
            start = startsLocal();
        } catch (DateTimeException e) {
            problems.put(allDay || !startDate.isEmpty() && !isDate(startDate) ? "startDate" : "startTime",
                    "The start needs a date (2026-10-14)" + (allDay ? "." : " and a time (10:00)."));
        }
        try {
            LocalDateTime end = endsLocal();
            if (start != null && end.isBefore(start)) {
                problems.put("endDate", "The end is before the start.");
            }
        } catch (DateTimeException e) {
            problems.put(allDay || !isDate(endDate) ? "endDate" : "endTime",
                    "The end needs a date" + (allDay ? "." : " and a time."));
        }
        String rule = Recurrence.problem(rrule);
        if (!rule.isEmpty()) {
            problems.put("rrule", rule);
        }
        try {
            exceptions();
        } catch (DateTimeException e) {
            problems.put("exceptions", "Each exception is a date" + (allDay ? "" : " and a time") + " on a line of its own"
                    + " (2026-10-28" + (allDay ? "" : " 10:00") + ").");
        }
        try {
            int places = places();
            if (places < 0 || places > MAX_PLACES) {
                problems.put("places", "Places are a number from 1 to " + MAX_PLACES + ", or empty for no bookings.");
            }
            if (places > 0 && !rrule.isEmpty()) {
                problems.put("places", "Bookings are for single events: a repeating event takes none.");
            }
        } catch (NumberFormatException e) {
            problems.put("places", "Places are a number from 1 to " + MAX_PLACES + ", or empty for no bookings.");
        }
        return problems;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public LocalDateTime startsLocal() {
        return LocalDate.parse(startDate).atTime(allDay ? LocalTime.MIDNIGHT : time(startTime));
    }

    /** All-day events end at the midnight after their last day (exclusive, as RFC 5545's DTEND). */
    public LocalDateTime endsLocal() {
        String date = endDate.isEmpty() ? startDate : endDate;
        return allDay ? LocalDate.parse(date).plusDays(1).atStartOfDay() : LocalDate.parse(date).atTime(time(endTime));
    }

    public List<LocalDateTime> exceptions() {
        List<LocalDateTime> skipped = new ArrayList<>();
        LocalTime at = allDay ? LocalTime.MIDNIGHT : startsLocal().toLocalTime();
        for (String line : exceptionsText.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String[] parts = line.split("[ T]", 2);
            try {
                skipped.add(LocalDate.parse(parts[0]).atTime(parts.length == 2 && !allDay ? time(parts[1]) : at));
            } catch (DateTimeParseException e) {
                throw new DateTimeException(line);
            }
        }
        return skipped;
    }

    public int places() {
        return placesText.isEmpty() ? 0 : Integer.parseInt(placesText);
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new DateTimeException(text);
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
