package com.roseash.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.roseash.platform.events.EventTables;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Events' copy of the platform's event tables is the template, unchanged (docs/platform.md, "Domain events"). */
class EventTablesCopyTest {

    @Test
    void theMigrationIsTheTemplate() throws IOException {
        assertThat(resource("db/migration/events/V2__event_tables.sql")).isEqualTo(resource(EventTables.TEMPLATE));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EventTablesCopyTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
