package com.roseash.stack;

import java.util.Map;

import com.roseash.platform.config.PlatformSettings;

/** The three loopback ports one in-process service gets in the stack. */
record ServicePorts(int publicPort, int internalPort, int adminPort) {

    static ServicePorts allocate() {
        return new ServicePorts(ListeningPorts.free(), ListeningPorts.free(), ListeningPorts.free());
    }

    Map<String, String> asOverrides() {
        return Map.of(PlatformSettings.SERVER_HOST.key(), "127.0.0.1",
                PlatformSettings.PUBLIC_PORT.key(), String.valueOf(publicPort),
                PlatformSettings.INTERNAL_PORT.key(), String.valueOf(internalPort),
                PlatformSettings.ADMIN_PORT.key(), String.valueOf(adminPort));
    }

    String internalUrl() {
        return "http://127.0.0.1:" + internalPort;
    }
}
