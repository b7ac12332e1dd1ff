package com.roseash.market;

import com.roseash.platform.testing.ConfigurationDoc;
import org.junit.jupiter.api.Test;

/** The market's own keys are documented in docs/configuration.md exactly as the code reads them. */
class MarketSettingsDocTest {

    @Test
    void theMarketTableMatchesTheSettings() {
        ConfigurationDoc.assertCurrent("market", MarketSettings.own());
    }
}
