package com.roseash.federation;

import com.roseash.platform.testing.ConfigurationDoc;
import org.junit.jupiter.api.Test;

/** Federation's keys are documented in docs/configuration.md exactly as the code reads them. */
class FederationSettingsDocTest {

    @Test
    void theFederationTableMatchesTheSettings() {
        ConfigurationDoc.assertCurrent("federation", FederationSettings.own());
    }
}
