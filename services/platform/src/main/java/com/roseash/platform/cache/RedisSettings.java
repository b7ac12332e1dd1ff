package com.roseash.platform.cache;

import java.time.Duration;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;

/** Where Redis is and how long the platform waits for it. The URL may carry a password: never logged. */
public record RedisSettings(String url, Duration timeout) {

    public static RedisSettings from(RoseAshConfig config) {
        return new RedisSettings(config.string(PlatformSettings.REDIS_URL), config.duration(PlatformSettings.REDIS_TIMEOUT));
    }

    @Override
    public String toString() {
        return "RedisSettings[timeout=" + timeout + "]";
    }
}
