package com.roseash.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A database that "starts late": nothing listens on {@link #port()} until {@code delay} has passed, then
 * connections are forwarded to the real server, the way a managed PostgreSQL comes up after the Job.
 */
final class LateForwarder implements AutoCloseable {

    private final int port = MainTest.freePort();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService start = Executors.newSingleThreadScheduledExecutor();

    LateForwarder(String host, int targetPort, Duration delay) {
        start.schedule(() -> {
            try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
                open.add(server);
                while (true) {
                    Socket client = server.accept();
                    Socket upstream = new Socket(host, targetPort);
                    open.add(client);
                    open.add(upstream);
                    pump(client.getInputStream(), upstream.getOutputStream());
                    pump(upstream.getInputStream(), client.getOutputStream());
                }
            } catch (IOException closed) {
                // closed by the test
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    int port() {
        return port;
    }

    private static void pump(InputStream from, OutputStream to) {
        Thread.ofVirtual().start(() -> {
            try {
                from.transferTo(to);
            } catch (IOException closed) {
                // one side closed
            }
        });
    }

    @Override
    public void close() throws Exception {
        start.shutdownNow();
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }
}
