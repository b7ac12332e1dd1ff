package com.roseash.platform.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** Facts about a request that depend on the proxy in front of us. */
public final class Requests {

    private Requests() {
    }

    /** True for TLS on our socket or TLS terminated by the ingress ({@code X-Forwarded-Proto: https}). */
    public static boolean isHttps(ServerRequest request) {
        return request.isSecure() || request.headers().first(HeaderNames.X_FORWARDED_PROTO)
                .map("https"::equalsIgnoreCase).orElse(false);
    }
}
