package com.roseash.events.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.roseash.platform.db.Columns;
import com.roseash.platform.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/** Events with their calendar and exceptions; local times travel as ISO text, so no driver shifts them by a zone. */
public final class EventRepository {

    private static final String SELECT = """
            SELECT e.id, c.slug AS calendar_slug, c.name AS calendar_name, e.slug, e.title, e.description_markdown,
                   e.description_html, to_char(e.starts_local, 'YYYY-MM-DD"T"HH24:MI:SS') AS starts_local,
                   to_char(e.ends_local, 'YYYY-MM-DD"T"HH24:MI:SS') AS ends_local, e.time_zone, e.all_day, e.location,
                   coalesce(e.rrule, '') AS rrule, e.cancelled, coalesce(e.places, 0) AS places, e.sequence, e.updated_at,
                   coalesce((SELECT string_agg(to_char(x.occurrence_local, 'YYYY-MM-DD"T"HH24:MI:SS'), ' '
                                               ORDER BY x.occurrence_local)
                             FROM events.event_exceptions x WHERE x.event_id = e.id), '') AS exceptions
            FROM events.events e JOIN events.calendars c ON c.id = e.calendar_id
            """;

    private final DbClient db;

    public EventRepository(DbClient db) {
        this.db = db;
    }

    public Optional<ScheduledEvent> bySlug(String slug) {
        return db.execute().get(SELECT + " WHERE e.slug = ?", slug).map(EventRepository::event);
    }

    public Optional<ScheduledEvent> byId(long id) {
        return db.execute().get(SELECT + " WHERE e.id = ?", id).map(EventRepository::event);
    }

    /** Every event of a calendar (or of all, when {@code calendarSlug} is empty) that may occur on or after {@code from}. */
    public List<ScheduledEvent> mayOccurFrom(String calendarSlug, Instant from) {
        // A day's margin either side of UTC covers every zone; recurring events are expanded in Java.
        String since = from.minusSeconds(86_400 * 2).toString().replace("Z", "");
        return db.execute().query(SELECT
                + " WHERE (? = '' OR c.slug = ?) AND (e.rrule IS NOT NULL OR e.ends_local >= ?::timestamp)"
                        + " ORDER BY e.starts_local", calendarSlug, calendarSlug, since)
                .map(EventRepository::event).toList();
    }

    /** A calendar's events, past ones included (its feed): by start. */
    public List<ScheduledEvent> ofCalendar(String calendarSlug) {
        return db.execute().query(SELECT + " WHERE c.slug = ? ORDER BY e.starts_local", calendarSlug)
                .map(EventRepository::event).toList();
    }

    public List<ScheduledEvent> all() {
        return db.execute().query(SELECT + " ORDER BY e.starts_local DESC").map(EventRepository::event).toList();
    }

    /** Stores a new event; empty when another event has its slug. */
    public Optional<Long> create(long calendarId, EventDraft draft, String html) {
        return db.execute().get("""
                        INSERT INTO events.events (calendar_id, slug, title, description_markdown, description_html,
                            starts_local, ends_local, time_zone, all_day, location, rrule, places)
                        VALUES (?, ?, ?, ?, ?, ?::timestamp, ?::timestamp, ?, ?, ?, nullif(?, ''), nullif(?, 0))
                        ON CONFLICT (slug) DO NOTHING RETURNING id""",
                        calendarId, draft.slug(), draft.title(), draft.markdown(), html, draft.startsLocal().toString(),
                        draft.endsLocal().toString(), draft.zone().getId(), draft.allDay(), draft.location(), draft.rrule(),
                        draft.places())
                .map(row -> row.column("id").getLong());
    }

    /** Changes an event, bumping its iCalendar SEQUENCE; false when another event has the new slug. */
    public boolean update(long id, long calendarId, EventDraft draft, String html) {
        return Transactions.inTransaction(db, tx -> {
            if (tx.get("SELECT 1 AS taken FROM events.events WHERE slug = ? AND id <> ?", draft.slug(), id).isPresent()) {
                return false;
            }
            tx.dml("""
                    UPDATE events.events SET calendar_id = ?, slug = ?, title = ?, description_markdown = ?,
                        description_html = ?, starts_local = ?::timestamp, ends_local = ?::timestamp, time_zone = ?,
                        all_day = ?, location = ?, rrule = nullif(?, ''), places = nullif(?, 0),
                        sequence = sequence + 1, updated_at = now()
                    WHERE id = ?""", calendarId, draft.slug(), draft.title(), draft.markdown(), html,
                    draft.startsLocal().toString(), draft.endsLocal().toString(), draft.zone().getId(), draft.allDay(),
                    draft.location(), draft.rrule(), draft.places(), id);
            tx.dml("DELETE FROM events.event_exceptions WHERE event_id = ?", id);
            for (LocalDateTime skipped : draft.exceptions()) {
                tx.dml("INSERT INTO events.event_exceptions (event_id, occurrence_local) VALUES (?, ?::timestamp)"
                        + " ON CONFLICT DO NOTHING", id, skipped.toString());
            }
            return true;
        });
    }

    /** Stores the exceptions of a new event. */
    public void setExceptions(long id, List<LocalDateTime> exceptions) {
        for (LocalDateTime skipped : exceptions) {
            db.execute().dml("INSERT INTO events.event_exceptions (event_id, occurrence_local) VALUES (?, ?::timestamp)"
                    + " ON CONFLICT DO NOTHING", id, skipped.toString());
        }
    }

    /** Cancels or reinstates an event; it stays visible either way. Bumps SEQUENCE so calendars update. */
    public boolean setCancelled(long id, boolean cancelled) {
        return db.execute().dml("UPDATE events.events SET cancelled = ?, sequence = sequence + 1, updated_at = now()"
                + " WHERE id = ? AND cancelled <> ?", cancelled, id, cancelled) == 1;
    }

    public boolean isEmpty() {
        return db.execute().get("SELECT NOT EXISTS (SELECT 1 FROM events.events) AS empty")
                .map(row -> row.column("empty").getBoolean()).orElse(true);
    }

    static ScheduledEvent event(DbRow row) {
        String exceptions = Columns.string(row, "exceptions");
        return new ScheduledEvent(row.column("id").getLong(), Columns.string(row, "calendar_slug"),
                Columns.string(row, "calendar_name"), Columns.string(row, "slug"), Columns.string(row, "title"),
                Columns.string(row, "description_markdown"), Columns.string(row, "description_html"),
                LocalDateTime.parse(Columns.string(row, "starts_local")), LocalDateTime.parse(Columns.string(row, "ends_local")),
                ZoneId.of(Columns.string(row, "time_zone")), row.column("all_day").getBoolean(), Columns.string(row, "location"),
                Columns.string(row, "rrule"),
                exceptions.isEmpty() ? List.of() : Arrays.stream(exceptions.split(" ")).map(LocalDateTime::parse).toList(),
                row.column("cancelled").getBoolean(), row.column("places").getInt(), row.column("sequence").getInt(),
                Columns.instant(row, "updated_at"));
    }
}
