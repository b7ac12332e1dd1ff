package com.roseash.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.stream.Collectors;

import redis.embedded.RedisServer;

/**
 * A real Redis server for tests (embedded binary from Maven Central) on a free loopback port. Tests
 * that stop Redis to watch the platform degrade start one of their own; the rest share one.
 */
public final class TestRedis implements AutoCloseable {

    private static TestRedis shared;

    private final int port;
    private RedisServer server;
    private long pid = -1;

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
            Set<Long> before = redisProcesses();
            server.start();
            // The server's own process (it may be started from a configuration file that names the port).
            pid = redisProcesses().stream().filter(candidate -> !before.contains(candidate)).findFirst().orElse(-1L);
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

    /** Hangs Redis as SIGSTOP does: its connections stay open and nothing answers. */
    public void hang() {
        signal("-STOP");
    }

    /** Lets a hung Redis answer again. */
    public void resume() {
        signal("-CONT");
    }

    private static Set<Long> redisProcesses() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.contains("redis")).orElse(false))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private void signal(String signal) {
        if (pid < 0) {
            throw new IllegalStateException("the redis-server process of port " + port + " was not found");
        }
        try {
            int exit = new ProcessBuilder("kill", signal, String.valueOf(pid)).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
