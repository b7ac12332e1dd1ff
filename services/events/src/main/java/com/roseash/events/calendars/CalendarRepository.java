package com.roseash.events.calendars;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.roseash.platform.db.Columns;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/** The calendars, by slug. */
public final class CalendarRepository {

    private final DbClient db;

    public CalendarRepository(DbClient db) {
        this.db = db;
    }

    public List<EventCalendar> all() {
        return db.execute().query("SELECT id, slug, name, description, time_zone FROM events.calendars ORDER BY name")
                .map(CalendarRepository::calendar).toList();
    }

    public Optional<EventCalendar> bySlug(String slug) {
        return db.execute().get("SELECT id, slug, name, description, time_zone FROM events.calendars WHERE slug = ?", slug)
                .map(CalendarRepository::calendar);
    }

    /** False when another calendar has the slug. */
    public boolean create(String slug, String name, String description, ZoneId zone) {
        return db.execute().dml("INSERT INTO events.calendars (slug, name, description, time_zone) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (slug) DO NOTHING", slug, name, description, zone.getId()) == 1;
    }

    public boolean isEmpty() {
        return db.execute().get("SELECT NOT EXISTS (SELECT 1 FROM events.calendars) AS empty")
                .map(row -> row.column("empty").getBoolean()).orElse(true);
    }

    private static EventCalendar calendar(DbRow row) {
        return new EventCalendar(row.column("id").getLong(), Columns.string(row, "slug"), Columns.string(row, "name"),
                Columns.string(row, "description"), ZoneId.of(Columns.string(row, "time_zone")));
    }
}
