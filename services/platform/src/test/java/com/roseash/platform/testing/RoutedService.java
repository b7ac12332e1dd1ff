package com.roseash.platform.testing;

import java.net.http.HttpResponse;

import com.roseash.platform.server.ServiceParts;
import io.helidon.webserver.http.HttpRouting;

/**
 * A service as its {@code parts} build it, reached through its routings without sockets: what {@code start}
 * would serve, minus the server. One shared visitor who keeps cookies, new visitors on demand, and the internal
 * routing as another service calls it. Each service's test support (RoutedBlog, RoutedMarket) wraps one.
 */
public final class RoutedService implements AutoCloseable {

    private final ServiceParts parts;
    private final RoutedClient visitor;
    private final RoutedClient internal;

    public RoutedService(ServiceParts parts) {
        this.parts = parts;
        this.visitor = visitor();
        HttpRouting.Builder internalRouting = HttpRouting.builder();
        parts.server().setUpInternal(internalRouting);
        this.internal = new RoutedClient(internalRouting);
    }

    /** A page on the public routing, as one visitor who keeps cookies across calls. */
    public HttpResponse<String> get(String path, String... headers) {
        return visitor.get(path, headers);
    }

    /** A call to the internal routing (fragments, contracts), as another service makes it. */
    public HttpResponse<String> internal(String path) {
        return internal.get(path);
    }

    /** The internal routing as a client, for posts (contracts, domain events) as another service makes them. */
    public RoutedClient internalClient() {
        return internal;
    }

    /** A new visitor with no cookies yet. */
    public RoutedClient visitor() {
        HttpRouting.Builder routing = HttpRouting.builder();
        parts.server().setUpPublic(routing);
        return new RoutedClient(routing);
    }

    @Override
    public void close() {
        visitor.close();
        internal.close();
        parts.close();
    }
}
