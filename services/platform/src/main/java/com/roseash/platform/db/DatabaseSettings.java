package com.roseash.platform.db;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;

/** Where the platform's PostgreSQL is. The password is never part of {@link #toString()}. */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    public static DatabaseSettings from(RoseAshConfig config) {
        return new DatabaseSettings(
                config.string(PlatformSettings.DB_URL),
                config.string(PlatformSettings.DB_USER),
                config.value(PlatformSettings.DB_PASSWORD).orElse(""),
                config.integer(PlatformSettings.DB_POOL_SIZE));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
