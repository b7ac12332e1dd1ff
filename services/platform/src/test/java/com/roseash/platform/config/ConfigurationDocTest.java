package com.roseash.platform.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md is the reference cluster admins read: its platform table must be exactly what
 * the code reads. Run with {@code -Drose-ash.docs.write=true} to regenerate it after changing a setting.
 */
class ConfigurationDocTest {

    private static final Path DOC = Path.of("../../docs/configuration.md");

    @Test
    void thePlatformTableMatchesTheSettings() throws IOException {
        if (Boolean.getBoolean("rose-ash.docs.write")) {
            SettingsTable.rewrite(DOC, "platform", PlatformSettings.all());
        }
        String doc = Files.readString(DOC);

        assertThat(doc).as("docs/configuration.md is stale; rerun this test with -Drose-ash.docs.write=true")
                .isEqualTo(SettingsTable.withSection(doc, "platform", PlatformSettings.all()));
        assertThat(doc).contains("`ROSE_ASH_DB_URL`", "`rose-ash.cache.page-ttl`", "`PT30S`");
    }
}
