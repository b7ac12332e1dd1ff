package com.roseash.platform.fragments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.roseash.contract.Sockets;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;

/** Serves this service's fragments on the internal socket at {@code /internal/fragments/<type>}. */
public final class FragmentRoutes {

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

    public void install(HttpRouting.Builder internal) {
        internal.get(Sockets.FRAGMENTS_PATH + "/{type}", (request, response) -> {
            String type = request.path().pathParameters().get("type");
            Function<ServerRequest, String> fragment = fragments.get(type);
            if (fragment == null) {
                response.status(Status.NOT_FOUND_404).send("Unknown fragment type: " + type);
                return;
            }
            response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
            response.send(fragment.apply(request));
        });
    }
}
