package com.roseash.cart.sumup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/** Our end of SumUp's webhook, on loopback: keeps every body POSTed to it and answers 204, as a receiver should. */
final class WebhookReceiver implements AutoCloseable {

    private static final String PATH = "/sumup/notifications";

    private final HttpServer server;
    private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            try (exchange) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** The next body received, waiting a little for it; fails when none comes. */
    String next() throws InterruptedException {
        String body = bodies.poll(5, TimeUnit.SECONDS);
        if (body == null) {
            throw new AssertionError("no notification reached " + url());
        }
        return body;
    }

    /** Nothing more has arrived. (The stand-in notifies before it answers the browser, so there is no need to wait.) */
    boolean quiet() {
        return bodies.isEmpty();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
