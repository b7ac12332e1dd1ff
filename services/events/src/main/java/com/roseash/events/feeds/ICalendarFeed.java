package com.roseash.events.feeds;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.roseash.events.schedule.ScheduledEvent;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Events as an RFC 5545 calendar that calendar applications subscribe to: each event once, with its rule and
 * exceptions (the application expands them, as our pages do with the same rules), its times in its own zone
 * with that zone's VTIMEZONE, cancelled events marked {@code STATUS:CANCELLED} (so a subscriber's copy is
 * struck out rather than silently kept), and a SEQUENCE that grows with every change.
 */
public final class ICalendarFeed {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private final String eventsUrl;
    private final String host;

    /** @param eventsUrl the events service's public address, ending in "/": UIDs and URLs are under it */
    public ICalendarFeed(String eventsUrl) {
        this.eventsUrl = eventsUrl;
        this.host = URI.create(eventsUrl).getHost();
    }

    /** The calendar of {@code events}, named {@code name}, as text. */
    public String write(String name, List<ScheduledEvent> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Rose Ash//Events//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Set<ZoneId> zones = new LinkedHashSet<>();
        for (ScheduledEvent event : events) {
            if (!event.allDay()) {
                zones.add(event.zone());
            }
        }
        for (ZoneId zone : zones) {
            TimeZone known = ZONES.getTimeZone(zone.getId());
            if (known != null) {
                calendar.add(known.getVTimeZone());
            }
        }
        for (ScheduledEvent event : events) {
            calendar.add(vevent(event));
        }
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private VEvent vevent(ScheduledEvent event) {
        VEvent vevent = event.allDay()
                ? new VEvent(event.startsLocal().toLocalDate(), event.endsLocal().toLocalDate(), event.title())
                : new VEvent(event.startsLocal().atZone(event.zone()), event.endsLocal().atZone(event.zone()), event.title());
        vevent.add(new Uid("event-" + event.id() + "@" + host));
        vevent.add(new Sequence(event.sequence()));
        vevent.add(new LastModified(event.updatedAt()));
        vevent.add(new Url(URI.create(eventsUrl + "events/" + event.slug() + "/")));
        vevent.add(event.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (!event.location().isEmpty()) {
            vevent.add(new Location(event.location()));
        }
        if (!event.descriptionMarkdown().isEmpty()) {
            vevent.add(new Description(event.descriptionMarkdown()));
        }
        if (event.recurring()) {
            vevent.add(new RRule<>(event.rrule()));
            for (LocalDateTime skipped : event.exceptions()) {
                vevent.add(exDate(event, skipped));
            }
        }
        return vevent;
    }

    /** An exception in the form of its DTSTART: a date for all-day events, else a local time with the event's TZID. */
    private static ExDate<?> exDate(ScheduledEvent event, LocalDateTime skipped) {
        if (event.allDay()) {
            return new ExDate<>(new ParameterList(List.<Parameter>of(Value.DATE)), DATE.format(skipped));
        }
        return new ExDate<>(new ParameterList(List.<Parameter>of(new TzId(event.zone().getId()))), LOCAL.format(skipped));
    }
}
