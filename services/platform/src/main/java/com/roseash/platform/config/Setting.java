package com.roseash.platform.config;

import com.roseash.contract.RuntimeKeys;

/**
 * One key of the {@code rose-ash:} configuration tree.
 *
 * <p>Every key can be overridden by an environment variable whose name is derived from the key, so the
 * operator, the local stack and a developer's shell all speak the same names (see docs/configuration.md).
 *
 * @param key          full key, for example {@code rose-ash.db.url}
 * @param defaultValue value used when nothing overrides it; empty means "not set"
 * @param description  one line for the configuration reference
 * @param secret       true when the value must never be logged or put in a ConfigMap
 */
public record Setting(String key, String defaultValue, String description, boolean secret) {

    public Setting {
        if (!key.startsWith("rose-ash.")) {
            throw new IllegalArgumentException("Setting keys live under rose-ash.: " + key);
        }
    }

    public static Setting of(String key, String defaultValue, String description) {
        return new Setting(key, defaultValue, description, false);
    }

    public static Setting secret(String key, String description) {
        return new Setting(key, "", description, true);
    }

    /** {@code rose-ash.db.pool-size} is overridden by {@code ROSE_ASH_DB_POOL_SIZE}. */
    public String environmentVariable() {
        return RuntimeKeys.environmentVariable(key);
    }
}
