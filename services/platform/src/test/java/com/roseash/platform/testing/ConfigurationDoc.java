package com.roseash.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.roseash.platform.config.Setting;
import com.roseash.platform.config.SettingsTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds a module's table in docs/configuration.md to the settings its code reads. Run the module's doc
 * test with {@code -Drose-ash.docs.write=true} to regenerate the table after changing a setting.
 */
public final class ConfigurationDoc {

    /** Every module sits two folders below the repository root. */
    private static final Path DOC = Path.of("../../docs/configuration.md");

    private ConfigurationDoc() {
    }

    public static void assertCurrent(String section, List<Setting> settings) {
        try {
            if (Boolean.getBoolean("rose-ash.docs.write")) {
                SettingsTable.rewrite(DOC, section, settings);
            }
            String doc = Files.readString(DOC);
            assertThat(doc).as("docs/configuration.md section %s is stale; rerun with -Drose-ash.docs.write=true", section)
                    .isEqualTo(SettingsTable.withSection(doc, section, settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
