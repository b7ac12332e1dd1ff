package com.roseash.platform.eventroutes;

import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.events.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainEventsTest {

    private final RoseAshConfig config = RoseAshConfig.load(PlatformSettings.all(), Map.of());

    @Test
    void aServiceHandlesOnlyTheEventsTheCatalogueDeliversToIt() {
        try (Database database = Database.connect(DatabaseSettings.from(config));
             DomainEvents account = DomainEvents.of(ServiceName.ACCOUNT, config, database)) {
            account.on(EventType.MEMBER_DELETED, (tx, event) -> { });
            // Cart would never deliver order.paid to account: a handler for it would silently never run.
            assertThatThrownBy(() -> account.on(EventType.ORDER_PAID, (tx, event) -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("account handles order.paid, which EventType does not deliver to it");
        }
    }

    @Test
    void everyEventTypeHasOneNameAndNoServiceSubscribesToItself() {
        assertThat(EventType.values()).extracting(EventType::type).doesNotHaveDuplicates();
        for (EventType type : EventType.values()) {
            assertThat(type.subscribers()).as(type.type()).doesNotContain(type.producer()).isNotEmpty();
            assertThat(EventType.of(type.type())).contains(type);
        }
    }
}
