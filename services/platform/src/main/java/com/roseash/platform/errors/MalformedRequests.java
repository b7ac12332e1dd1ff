package com.roseash.platform.errors;

import com.roseash.platform.web.PercentEncoding;
import io.helidon.common.Weighted;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Refuses, with a 400, a request whose path or query is not properly percent-encoded UTF-8 or decodes to a
 * control character (NUL, CR, LF, ...), before any filter or route reads it: no handler has to guard against a
 * NUL reaching PostgreSQL or a line break reaching a header. Helidon refuses some of these itself, before routing
 * (see {@link ErrorResponses#directHandlers}); this catches the rest, which it decodes leniently.
 */
public final class MalformedRequests implements HttpFeature, Weighted {

    /** After the security headers (so the refusal carries them), before CSRF protection reads a form. */
    public static final double WEIGHT = 950;

    @Override
    public double weight() {
        return WEIGHT;
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this::filter);
    }

    private void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (malformed(request.path().absolute().rawPath(), false)) {
            throw ErrorResponses.badRequest("The address is not properly encoded.");
        }
        String query = request.query().rawValue();
        for (String pair : query.split("&")) {
            if (malformed(pair, true)) {
                throw ErrorResponses.badRequest("The address's query is not properly encoded.");
            }
        }
        chain.proceed();
    }

    private static boolean malformed(String raw, boolean plusIsSpace) {
        return PercentEncoding.decode(raw, plusIsSpace).map(text -> PercentEncoding.hasControl(text, false)).orElse(true);
    }
}
