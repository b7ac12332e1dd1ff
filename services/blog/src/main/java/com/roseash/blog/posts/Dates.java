package com.roseash.blog.posts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as pages show them: machine-readable in {@code datetime}, readable in the text. */
final class Dates {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    static String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static String human(Instant instant) {
        return instant == null ? "" : HUMAN.format(instant);
    }
}
