package com.roseash.market.importing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * Where the fetcher under test connects for every address but loopback: a local HTTP proxy that answers 502 and
 * records what reached it. The fetcher must refuse such addresses before connecting, so nothing should arrive
 * here; if its check breaks, the request lands here instead of on a real network.
 */
final class OffMachineSink implements AutoCloseable {

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    OffMachineSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        server.start();
    }

    /** Loopback directly; everything else through this sink. */
    ProxySelector selector() {
        Proxy sink = new Proxy(Proxy.Type.HTTP, server.getAddress());
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost();
                boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
                return List.of(loopback ? Proxy.NO_PROXY : sink);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        };
    }

    /** What would have left the machine. */
    List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
