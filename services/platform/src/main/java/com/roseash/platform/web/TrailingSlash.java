package com.roseash.platform.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Pages live at addresses ending in "/" (their relative links depend on it); the same address without it redirects. */
public final class TrailingSlash {

    private TrailingSlash() {
    }

    /** A handler: 301 to the request's path with "/" appended, query kept. */
    public static void redirect(ServerRequest request, ServerResponse response) {
        String query = request.query().rawValue();
        response.status(Status.MOVED_PERMANENTLY_301)
                .header(HeaderNames.LOCATION, request.path().absolute().rawPath() + "/" + (query.isEmpty() ? "" : "?" + query))
                .send();
    }
}
