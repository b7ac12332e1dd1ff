package com.roseash.platform.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTablesTest {

    @Test
    void theTestDomainsMigrateTheTemplateUnchanged() throws IOException {
        String template = resource(EventTables.TEMPLATE);

        assertThat(template).contains("CREATE TABLE event_outbox", "CREATE TABLE event_deliveries", "CREATE TABLE event_inbox");
        assertThat(resource("db/migration/shop/V1__event_tables.sql")).isEqualTo(template);
        assertThat(resource("db/migration/tickets/V1__event_tables.sql")).isEqualTo(template);
    }

    @Test
    void namesAreInTheDomainsSchema() {
        EventTables cart = new EventTables("cart");

        assertThat(cart.outbox()).isEqualTo("cart.event_outbox");
        assertThat(cart.deliveries()).isEqualTo("cart.event_deliveries");
        assertThat(cart.inbox()).isEqualTo("cart.event_inbox");
        assertThat(cart.channel()).isEqualTo("rose_ash_events_cart");
    }

    @Test
    void onlyAPlainSchemaNameIsSplicedIntoSql() {
        assertThatThrownBy(() -> new EventTables("cart; DROP TABLE x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventTables("Cart")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = EventTablesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
