package com.roseash.platform.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md is the reference cluster admins read: every key the code reads must be in it. */
class ConfigurationDocTest {

    @Test
    void everyPlatformSettingIsDocumentedWithItsEnvironmentVariableAndDefault() throws IOException {
        String doc = Files.readString(Path.of("../../docs/configuration.md"));
        for (Setting setting : PlatformSettings.all()) {
            assertThat(doc).as("docs/configuration.md documents %s", setting.key())
                    .contains("`" + setting.key() + "`")
                    .contains("`" + setting.environmentVariable() + "`");
            if (!setting.defaultValue().isEmpty()) {
                assertThat(doc).as("default of %s", setting.key()).contains("`" + setting.defaultValue() + "`");
            }
        }
    }
}
