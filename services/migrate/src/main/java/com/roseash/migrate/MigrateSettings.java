package com.roseash.migrate;

import java.util.List;

import com.roseash.platform.config.Setting;

/** The migrator's own keys, next to the database keys every service reads. */
public final class MigrateSettings {

    public static final Setting DATABASE_WAIT = Setting.of("rose-ash.migrate.database-wait", "PT5M",
            "How long the migrator waits for the database to accept a login before it fails "
                    + "(a managed one may still be starting).");

    private MigrateSettings() {
    }

    public static List<Setting> own() {
        return List.of(DATABASE_WAIT);
    }
}
