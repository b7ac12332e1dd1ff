package com.roseash.sumup.standin;

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

/** A webhook endpoint on loopback that keeps what it is sent. */
final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/notify");
    }

    String next() throws InterruptedException {
        String body = bodies.poll(5, TimeUnit.SECONDS);
        if (body == null) {
            throw new AssertionError("nothing reached " + url());
        }
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
