package com.roseash.platform.config;

import com.roseash.platform.testing.ConfigurationDoc;
import org.junit.jupiter.api.Test;

/** docs/configuration.md is the reference cluster admins read: its platform table is what the code reads. */
class ConfigurationDocTest {

    @Test
    void thePlatformTableMatchesTheSettings() {
        ConfigurationDoc.assertCurrent("platform", PlatformSettings.all());
    }
}
