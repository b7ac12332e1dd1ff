package com.roseash.platform.testing;

import java.util.HashMap;
import java.util.Map;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.db.DatabaseSettings;

/** Configuration for starting a service in-process in a test: loopback, free ports, the given servers. */
public final class TestServices {

    private TestServices() {
    }

    public static Map<String, String> overrides(DatabaseSettings database, String redisUrl) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(PlatformSettings.SERVER_HOST.key(), "127.0.0.1");
        overrides.put(PlatformSettings.PUBLIC_PORT.key(), "0");
        overrides.put(PlatformSettings.INTERNAL_PORT.key(), "0");
        overrides.put(PlatformSettings.ADMIN_PORT.key(), "0");
        overrides.put(PlatformSettings.DB_URL.key(), database.url());
        overrides.put(PlatformSettings.DB_USER.key(), database.user());
        overrides.put(PlatformSettings.DB_PASSWORD.key(), database.password());
        overrides.put(PlatformSettings.REDIS_URL.key(), redisUrl);
        return overrides;
    }
}
