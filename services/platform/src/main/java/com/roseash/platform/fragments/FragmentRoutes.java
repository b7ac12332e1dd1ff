package com.roseash.platform.fragments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

/**
 * Serves this service's fragments on the internal socket: a route group mounted at
 * {@code Sockets.FRAGMENTS_PATH}, answering {@code /internal/fragments/<type>}.
 */
public final class FragmentRoutes implements HttpService {

    private final Map<String, Function<ServerRequest, String>> fragments = new LinkedHashMap<>();

    /** A fragment that is the same for every caller. */
    public FragmentRoutes add(String type, Supplier<String> html) {
        fragments.put(type, request -> html.get());
        return this;
    }

    /** A fragment shaped by the caller's query parameters. */
    public FragmentRoutes addFor(String type, Function<ServerRequest, String> html) {
        fragments.put(type, html);
        return this;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{type}", (request, response) -> {
            String type = request.path().pathParameters().get("type");
            Function<ServerRequest, String> fragment = fragments.get(type);
            if (fragment == null) {
                throw new NotFoundException("Unknown fragment type: " + type);
            }
            response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
            response.send(fragment.apply(request));
        });
    }
}
