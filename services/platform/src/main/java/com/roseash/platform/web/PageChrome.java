package com.roseash.platform.web;

import java.util.HashMap;
import java.util.Map;

import io.helidon.webserver.http.ServerRequest;

/**
 * What a service puts around its pages on a full load: navigation, other services' fragments, links.
 * Boosted requests skip it, which is most of their saving.
 */
@FunctionalInterface
public interface PageChrome {

    /** Values for the layout; must not fail the page: degrade to empty values instead. */
    Map<String, Object> forRequest(ServerRequest request);

    PageChrome NONE = request -> Map.of();

    /** Both chromes' values; the second wins where both set a key. */
    default PageChrome and(PageChrome other) {
        return request -> {
            Map<String, Object> values = new HashMap<>(forRequest(request));
            values.putAll(other.forRequest(request));
            return values;
        };
    }
}
