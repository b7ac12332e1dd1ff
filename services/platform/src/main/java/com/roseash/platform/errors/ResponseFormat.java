package com.roseash.platform.errors;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.roseash.platform.web.Boost;
import io.helidon.http.HttpMediaType;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.http.ServerRequest;

/**
 * Which body an error gets: a page for browsers, problem+json for everything else. Browsers name
 * {@code text/html} in {@code Accept}, and htmx swaps (which send {@code HX-Request}) put HTML into the page;
 * inboxes, webhooks and our own services ask for JSON or for anything ({@code *}{@code /*}).
 */
public enum ResponseFormat {
    PAGE,
    PROBLEM_JSON;

    private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

    public static ResponseFormat of(ServerRequest request) {
        return of(request.headers());
    }

    /** From the request's headers alone: for refusals Helidon makes before there is a routed request. */
    public static ResponseFormat of(ServerRequestHeaders headers) {
        if (headers.first(Boost.HX_REQUEST).map("true"::equalsIgnoreCase).orElse(false)) {
            return PAGE;
        }
        List<HttpMediaType> acceptedTypes;
        try {
            acceptedTypes = headers.acceptedTypes();
        } catch (RuntimeException malformed) {
            // An Accept header Helidon cannot parse must not turn the error into another one.
            return PROBLEM_JSON;
        }
        // Ordered by quality: the first type that names HTML or JSON decides.
        for (HttpMediaType accepted : acceptedTypes) {
            if (accepted.qualityFactor() <= 0) {
                continue;
            }
            String type = (accepted.mediaType().type() + "/" + accepted.mediaType().subtype()).toLowerCase(Locale.ROOT);
            if (HTML.contains(type)) {
                return PAGE;
            }
            if (isJson(type)) {
                return PROBLEM_JSON;
            }
        }
        return PROBLEM_JSON;
    }

    /** {@code application/json} and every {@code +json} type: problem+json, activity+json, ld+json. */
    private static boolean isJson(String type) {
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }
}
