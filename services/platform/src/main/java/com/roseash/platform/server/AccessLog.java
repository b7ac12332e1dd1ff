package com.roseash.platform.server;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.accesslog.AccessLogContext;
import io.helidon.webserver.accesslog.AccessLogFeature;
import io.helidon.webserver.accesslog.SizeLogEntry;
import io.helidon.webserver.accesslog.StatusLogEntry;

/**
 * One log line per request on the public socket, at INFO under {@value #LOGGER}{@code .@default} (Helidon adds the
 * socket's name): method, path (no query
 * string: it may carry a sign-in code), status, bytes sent and time taken, e.g. {@code GET /about/ 200 5120 12ms}.
 * It goes wherever the process's logging goes: standard error as text or JSON, or the local stack's log file.
 */
public final class AccessLog {

    public static final String LOGGER = "com.roseash.access";

    private AccessLog() {
    }

    static AccessLogFeature feature() {
        return AccessLogFeature.builder()
                .loggerName(LOGGER)
                .sockets(Set.of(WebServer.DEFAULT_SOCKET_NAME))
                .addEntry(context -> context.serverRequest().prologue().method().text())
                .addEntry(context -> context.serverRequest().path().rawPath())
                .addEntry(StatusLogEntry.create())
                .addEntry(SizeLogEntry.create())
                .addEntry(AccessLog::millis)
                .build();
    }

    private static String millis(AccessLogContext context) {
        return TimeUnit.NANOSECONDS.toMillis(context.responseNanoTime() - context.requestNanoTime()) + "ms";
    }
}
