package com.roseash.platform.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * Loads the {@code rose-ash:} tree. Highest priority first: explicit overrides (the local stack and tests
 * pass these), Java system properties, environment variables of the known settings, the service's
 * {@code application.yaml}, the settings' defaults.
 *
 * <p>Helidon's own environment mapping would turn {@code ROSE_ASH_DB_URL} into {@code rose.ash.db.url};
 * the tree root has a dash, so we map each known setting's variable ourselves.
 */
public final class RoseAshConfig {

    private final Config config;
    private final Map<String, Setting> settings;

    private RoseAshConfig(Config config, Map<String, Setting> settings) {
        this.config = config;
        this.settings = settings;
    }

    public static RoseAshConfig load(List<Setting> settings, Map<String, String> overrides) {
        return load(settings, overrides, System.getenv());
    }

    static RoseAshConfig load(List<Setting> settings, Map<String, String> overrides, Map<String, String> environment) {
        Map<String, Setting> byKey = new LinkedHashMap<>();
        Map<String, String> defaults = new HashMap<>();
        Map<String, String> fromEnvironment = new HashMap<>();
        for (Setting setting : settings) {
            byKey.put(setting.key(), setting);
            defaults.put(setting.key(), setting.defaultValue());
            String value = environment.get(setting.environmentVariable());
            if (value != null) {
                fromEnvironment.put(setting.key(), value);
            }
        }
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(List.of(ConfigSources.create(Map.copyOf(overrides), "overrides"),
                        ConfigSources.systemProperties(),
                        ConfigSources.create(fromEnvironment, "environment"),
                        ConfigSources.classpath("application.yaml").optional(),
                        ConfigSources.create(defaults, "defaults")))
                .build();
        return new RoseAshConfig(config, byKey);
    }

    /** The value of a setting; empty when neither set nor defaulted. */
    public Optional<String> value(Setting setting) {
        return config.get(setting.key()).asString().asOptional().filter(v -> !v.isBlank());
    }

    public String string(Setting setting) {
        return value(setting).orElseThrow(() -> new IllegalStateException(
                "Configuration " + setting.key() + " (env " + setting.environmentVariable() + ") is required"));
    }

    public int integer(Setting setting) {
        String raw = string(setting);
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Configuration " + setting.key() + " must be a whole number, got '" + raw + "'");
        }
    }

    /** "true" or "false", nothing else: a typo must not quietly mean "false". */
    public boolean flag(Setting setting) {
        String raw = string(setting).trim();
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw new IllegalStateException("Configuration " + setting.key() + " must be true or false, got '" + raw + "'");
    }

    public Duration duration(Setting setting) {
        String raw = string(setting);
        try {
            return Duration.parse(raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Configuration " + setting.key()
                    + " must be an ISO-8601 duration such as PT0.5S, got '" + raw + "'");
        }
    }

    /** The Helidon config node, for components configured by Helidon itself. */
    public Config helidon() {
        return config;
    }

    public Map<String, Setting> settings() {
        return settings;
    }
}
