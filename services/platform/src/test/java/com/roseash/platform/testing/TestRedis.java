package com.roseash.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * A real Redis server for tests (embedded binary from Maven Central) on a free loopback port. Tests
 * that stop Redis to watch the platform degrade start one of their own; the rest share one.
 */
public final class TestRedis implements AutoCloseable {

    private static TestRedis shared;

    private final int port;
    private RedisServer server;

    private TestRedis(int port) {
        this.port = port;
    }

    public static synchronized TestRedis shared() {
        if (shared == null) {
            shared = startNew();
        }
        return shared;
    }

    public static TestRedis startNew() {
        TestRedis redis = new TestRedis(freePort());
        redis.start();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void start() {
        try {
            server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not start", e);
        }
    }

    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
