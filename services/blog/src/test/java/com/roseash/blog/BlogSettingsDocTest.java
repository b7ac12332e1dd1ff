package com.roseash.blog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.roseash.platform.config.SettingsTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The blog's own keys are documented in docs/configuration.md exactly as the code reads them. */
class BlogSettingsDocTest {

    private static final Path DOC = Path.of("../../docs/configuration.md");

    @Test
    void theBlogTableMatchesTheSettings() throws IOException {
        if (Boolean.getBoolean("rose-ash.docs.write")) {
            SettingsTable.rewrite(DOC, "blog", BlogSettings.own());
        }
        String doc = Files.readString(DOC);

        assertThat(doc).as("docs/configuration.md is stale; rerun with -Drose-ash.docs.write=true")
                .isEqualTo(SettingsTable.withSection(doc, "blog", BlogSettings.own()));
    }
}
