package com.roseash.blog;

import com.roseash.platform.testing.ConfigurationDoc;
import org.junit.jupiter.api.Test;

/** The blog's own keys are documented in docs/configuration.md exactly as the code reads them. */
class BlogSettingsDocTest {

    @Test
    void theBlogTableMatchesTheSettings() {
        ConfigurationDoc.assertCurrent("blog", BlogSettings.own());
    }
}
