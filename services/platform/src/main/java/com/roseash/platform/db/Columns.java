package com.roseash.platform.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.helidon.dbclient.DbColumn;
import io.helidon.dbclient.DbRow;

/** Reading our column types out of Helidon DB Client rows, whichever Java type the driver hands back. */
public final class Columns {

    private Columns() {
    }

    /** A {@code timestamptz} column; null when the column is null. */
    public static Instant instant(DbRow row, String name) {
        DbColumn column = row.column(name);
        Object value = column.get(Object.class);
        return switch (value) {
            case null -> null;
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime offset -> offset.toInstant();
            case Instant instant -> instant;
            default -> throw new IllegalStateException("Column " + name + " is a " + value.getClass());
        };
    }

    /** A text column; empty when the column is null. */
    public static String string(DbRow row, String name) {
        String value = row.column(name).get(String.class);
        return value == null ? "" : value;
    }
}
