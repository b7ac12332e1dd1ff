package com.roseash.events;

import com.roseash.platform.testing.ConfigurationDoc;
import org.junit.jupiter.api.Test;

/** The events service's own keys are documented in docs/configuration.md exactly as the code reads them. */
class EventsSettingsDocTest {

    @Test
    void theEventsTableMatchesTheSettings() {
        ConfigurationDoc.assertCurrent("events", EventsSettings.own());
    }
}
