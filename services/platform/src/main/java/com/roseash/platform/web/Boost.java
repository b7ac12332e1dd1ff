package com.roseash.platform.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** The htmx request headers that decide between the full page and the {@code #content} fragment. */
public final class Boost {

    public static final HeaderName HX_REQUEST = HeaderNames.create("HX-Request");
    public static final HeaderName HX_BOOSTED = HeaderNames.create("HX-Boosted");
    public static final HeaderName HX_HISTORY_RESTORE = HeaderNames.create("HX-History-Restore-Request");
    public static final HeaderName VARY = HeaderNames.VARY;

    private Boost() {
    }

    /**
     * True when the answer is the content fragment and title only. A history restore gets the full page
     * even though htmx 2.0.5+ also sends {@code HX-Request} with it, so that header is checked first.
     */
    public static boolean wantsFragment(ServerRequest request) {
        if (isTrue(request, HX_HISTORY_RESTORE)) {
            return false;
        }
        return isTrue(request, HX_REQUEST);
    }

    private static boolean isTrue(ServerRequest request, HeaderName name) {
        return request.headers().first(name).map("true"::equalsIgnoreCase).orElse(false);
    }
}
