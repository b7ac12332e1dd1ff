package com.roseash.platform.server;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;

/** Address and ports of the three sockets. Port 0 picks a free port (tests). */
public record ServerSettings(String host, int publicPort, int internalPort, int adminPort) {

    public static ServerSettings from(RoseAshConfig config) {
        return new ServerSettings(
                config.string(PlatformSettings.SERVER_HOST),
                config.integer(PlatformSettings.PUBLIC_PORT),
                config.integer(PlatformSettings.INTERNAL_PORT),
                config.integer(PlatformSettings.ADMIN_PORT));
    }
}
