package com.roseash.blog.posts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.helidon.dbclient.DbColumn;
import io.helidon.dbclient.DbRow;

/** Reading our column types out of Helidon DB Client rows. */
final class Rows {

    private Rows() {
    }

    static Instant instant(DbRow row, String name) {
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

    static String string(DbRow row, String name) {
        String value = row.column(name).get(String.class);
        return value == null ? "" : value;
    }

    /** Tags aggregated as "slug TAB name" lines, in position order. */
    static List<TagRef> tags(DbRow row, String name) {
        String packed = string(row, name);
        List<TagRef> tags = new ArrayList<>();
        for (String line : packed.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                tags.add(new TagRef(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return List.copyOf(tags);
    }
}
