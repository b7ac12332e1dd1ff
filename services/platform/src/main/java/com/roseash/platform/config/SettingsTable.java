package com.roseash.platform.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration reference in docs/configuration.md is generated from the settings, so the two
 * cannot drift: each module's table sits between {@code <!-- settings:NAME -->} markers, and a test
 * per module fails when its table is stale.
 */
public final class SettingsTable {

    private SettingsTable() {
    }

    public static String markdown(List<Setting> settings) {
        StringBuilder table = new StringBuilder("| key | environment variable | default | |\n|---|---|---|---|\n");
        for (Setting setting : settings) {
            String value = setting.secret() ? "secret, no default"
                    : setting.defaultValue().isEmpty() ? "unset" : "`" + setting.defaultValue() + "`";
            table.append("| `").append(setting.key()).append("` | `").append(setting.environmentVariable()).append("` | ")
                    .append(value).append(" | ").append(setting.description().replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }

    /** The document with the section {@code name} replaced by the table of {@code settings}. */
    public static String withSection(String document, String name, List<Setting> settings) {
        String start = "<!-- settings:" + name + " -->\n";
        String end = "<!-- /settings:" + name + " -->";
        int from = document.indexOf(start);
        int to = document.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("docs/configuration.md has no section " + name);
        }
        return document.substring(0, from + start.length()) + markdown(settings) + document.substring(to);
    }

    /** Rewrites a section of the file in place. */
    public static void rewrite(Path file, String name, List<Setting> settings) throws IOException {
        Files.writeString(file, withSection(Files.readString(file), name, settings));
    }
}
