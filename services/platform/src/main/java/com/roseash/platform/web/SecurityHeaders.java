package com.roseash.platform.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.helidon.common.Weighted;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Security headers on every public response. The Content-Security-Policy allows scripts only from our
 * own origin: htmx comes from our webjar, and its config (in a meta tag) turns off eval and inline
 * indicator styles, so no inline script or style is ever needed.
 */
public final class SecurityHeaders implements HttpFeature, Weighted, Filter {

    /** The first filter, so every answer carries the headers, refusals and errors included (docs/platform.md). */
    public static final double WEIGHT = 1000;

    private final String contentSecurityPolicy;

    /**
     * @param formTargets origins forms may post to besides our own (the other services). Scripts may call them
     *                    too (connect-src): adding to the cart posts to cart's host from any service's page.
     */
    public SecurityHeaders(Collection<String> formTargets) {
        Set<String> formAction = new LinkedHashSet<>();
        formAction.add("'self'");
        formAction.addAll(formTargets);
        this.contentSecurityPolicy = String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data: https:",
                "connect-src " + String.join(" ", formAction),
                "font-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "frame-ancestors 'none'",
                "form-action " + String.join(" ", formAction));
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this);
    }

    @Override
    public double weight() {
        return WEIGHT;
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /**
     * The headers that do not depend on the request: all of them but HSTS. Helidon's refusals before routing
     * (a request line it cannot parse) carry these; they have no request to tell https by.
     */
    public Map<HeaderName, String> everyAnswer() {
        Map<HeaderName, String> headers = new LinkedHashMap<>();
        headers.put(HeaderNames.create("Content-Security-Policy"), contentSecurityPolicy);
        headers.put(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        headers.put(HeaderNames.create("X-Frame-Options"), "DENY");
        headers.put(HeaderNames.create("Referrer-Policy"), "strict-origin-when-cross-origin");
        headers.put(HeaderNames.create("Permissions-Policy"), "camera=(), microphone=(), geolocation=()");
        return headers;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        // Helidon clears a response's headers before an error handler answers a thrown exception; the error
        // feature finds this instance in the request's context and applies the headers again.
        request.context().register(this);
        applyTo(request, response);
        chain.proceed();
    }

    /** Sets the headers on {@code response}; again after a reset, for an error answer. */
    public void applyTo(ServerRequest request, ServerResponse response) {
        everyAnswer().forEach(response::header);
        if (Requests.isHttps(request)) {
            response.header(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains");
        }
    }
}
