package com.roseash.cart;

import com.roseash.platform.testing.ConfigurationDoc;
import org.junit.jupiter.api.Test;

/** The cart's own keys are documented in docs/configuration.md exactly as the code reads them. */
class CartSettingsDocTest {

    @Test
    void theCartTableMatchesTheSettings() {
        ConfigurationDoc.assertCurrent("cart", CartSettings.own());
    }
}
