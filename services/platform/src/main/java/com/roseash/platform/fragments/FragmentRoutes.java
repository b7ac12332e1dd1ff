package com.roseash.platform.fragments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.roseash.platform.contract.Sockets;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;

/** Serves this service's fragments on the internal socket at {@code /internal/fragments/<type>}. */
public final class FragmentRoutes {

    private final Map<String, Supplier<String>> fragments = new LinkedHashMap<>();

    public FragmentRoutes add(String type, Supplier<String> html) {
        fragments.put(type, html);
        return this;
    }

    public void install(HttpRouting.Builder internal) {
        internal.get(Sockets.FRAGMENTS_PATH + "/{type}", (request, response) -> {
            String type = request.path().pathParameters().get("type");
            Supplier<String> fragment = fragments.get(type);
            if (fragment == null) {
                response.status(Status.NOT_FOUND_404).send("Unknown fragment type: " + type);
                return;
            }
            response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
            response.send(fragment.get());
        });
    }
}
