package com.roseash.migrate;

import com.roseash.platform.testing.ConfigurationDoc;
import org.junit.jupiter.api.Test;

/** The migrator's own keys are documented in docs/configuration.md exactly as the code reads them. */
class MigrateSettingsDocTest {

    @Test
    void theMigrationsTableMatchesTheSettings() {
        ConfigurationDoc.assertCurrent("migrate", MigrateSettings.own());
    }
}
