package com.roseash.platform.events;

import java.util.regex.Pattern;

/**
 * The event tables of one domain's schema ({@code event-tables.sql} next to this class, which each service copies
 * into its own migrations) and the notification channel its publishers wake its processors on.
 */
public record EventTables(String schema) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** The template a service copies, unchanged, into {@code db/migration/<domain>/V<n>__event_tables.sql}. */
    public static final String TEMPLATE = "com/roseash/platform/events/event-tables.sql";

    public EventTables {
        // The schema is spliced into SQL and a channel name, so only a plain identifier will do.
        if (schema == null || !NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a schema name: " + schema);
        }
    }

    public String outbox() {
        return schema + ".event_outbox";
    }

    public String deliveries() {
        return schema + ".event_deliveries";
    }

    public String inbox() {
        return schema + ".event_inbox";
    }

    /** The LISTEN/NOTIFY channel: one per producing schema, so a service's processors wake only for its events. */
    public String channel() {
        return "rose_ash_events_" + schema;
    }
}
