package com.roseash.platform.server;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import com.roseash.contract.ServiceName;
import com.roseash.contract.Sockets;
import com.roseash.platform.logging.ServiceLogging;
import io.helidon.webserver.WebServer;

/**
 * A started service: its web server and what it holds open (pools, clients), closed in reverse order.
 * Each service's {@code Main} returns one, so the local stack and tests can run services in-process.
 */
public record RunningService(ServiceName name, WebServer server, List<AutoCloseable> resources) implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RunningService.class.getName());

    public int publicPort() {
        return server.port();
    }

    public int internalPort() {
        return server.port(Sockets.INTERNAL);
    }

    public int adminPort() {
        return server.port(Sockets.ADMIN);
    }

    /**
     * A service's {@code main}: logs in the configured format ({@code rose-ash.log.format}), starts the service,
     * and stops it cleanly on SIGTERM or Ctrl-C.
     */
    public static void runUntilStopped(Supplier<RunningService> start) throws InterruptedException {
        ServiceLogging.install();
        RunningService service = start.get();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, service.name().id() + "-stop"));
        stopped.await();
    }

    @Override
    public void close() {
        server.stop();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Closing " + name.id() + " resource failed: " + e);
            }
        }
    }
}
