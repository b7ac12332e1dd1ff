package com.roseash.platform.logging;

import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;

/**
 * A service process's logging: every record on standard error in the format {@code rose-ash.log.format} names.
 * Each service's {@code main} (and the migrations Job) installs it before anything logs; services run in-process
 * (the local stack, tests) leave the process's logging to their host.
 */
public final class ServiceLogging {

    private ServiceLogging() {
    }

    /** Installs the format configured for this process (environment, system properties, application.yaml). */
    public static LogFormat install() {
        return install(RoseAshConfig.load(List.of(PlatformSettings.LOG_FORMAT), Map.of()));
    }

    public static LogFormat install(RoseAshConfig config) {
        LogFormat format = LogFormat.parse(config.string(PlatformSettings.LOG_FORMAT));
        format.install(new ConsoleHandler());
        return format;
    }
}
