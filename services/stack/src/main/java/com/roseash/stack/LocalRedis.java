package com.roseash.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import redis.embedded.RedisServer;

/**
 * Redis for the stack: the {@code redis-server} on PATH when there is one, else the embedded binary.
 * Loopback only, no persistence: Redis holds nothing that cannot be rebuilt.
 */
final class LocalRedis implements AutoCloseable {

    private final int port;
    private final AutoCloseable process;
    private final String description;

    private LocalRedis(int port, AutoCloseable process, String description) {
        this.port = port;
        this.process = process;
        this.description = description;
    }

    static LocalRedis start() {
        int port = ListeningPorts.free();
        Optional<Path> onPath = findOnPath("redis-server");
        try {
            if (onPath.isPresent()) {
                Process process = new ProcessBuilder(onPath.get().toString(), "--port", String.valueOf(port),
                        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                waitForPort(port);
                return new LocalRedis(port, process::destroy, onPath.get() + ", port " + port);
            }
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return new LocalRedis(port, server::stop, "embedded, port " + port);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start", e);
        }
    }

    /** Which Redis runs, for the stack's start-up line. */
    String description() {
        return description;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        process.close();
    }

    private static Optional<Path> findOnPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void waitForPort(int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
        throw new IllegalStateException("redis-server did not listen on port " + port + " within 10 s");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
