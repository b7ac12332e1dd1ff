package com.roseash.account;

import com.roseash.platform.testing.ConfigurationDoc;
import org.junit.jupiter.api.Test;

/** The account service's own keys are documented in docs/configuration.md exactly as the code reads them. */
class AccountSettingsDocTest {

    @Test
    void theAccountTableMatchesTheSettings() {
        ConfigurationDoc.assertCurrent("account", AccountSettings.own());
    }
}
