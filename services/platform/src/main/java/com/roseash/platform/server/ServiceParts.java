package com.roseash.platform.server;

import java.lang.System.Logger.Level;
import java.util.List;

import com.roseash.contract.ServiceName;
import io.helidon.webserver.WebServer;

/**
 * A service built from its configuration but not yet listening: its server parts (route groups, features,
 * health checks) and what it holds open. {@link #start()} puts it on sockets; a test can instead give
 * {@link ServiceServer.Builder#setUpPublic} a routing of its own and route requests without sockets.
 */
public record ServiceParts(ServiceName service, ServiceServer.Builder server, List<AutoCloseable> resources)
        implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ServiceParts.class.getName());

    public ServiceParts {
        resources = List.copyOf(resources);
    }

    /** Starts the server; the running service closes the resources when it stops. */
    public RunningService start() {
        WebServer started = server.build().start();
        if (!started.isRunning()) {
            // Helidon logs why (a port taken, most often) and shuts down instead of throwing: say it here.
            throw new IllegalStateException(service.id() + " did not start: one of its sockets could not listen (see the log)");
        }
        return new RunningService(service, started, resources);
    }

    /** Closes the resources, newest first, for parts that were never started. */
    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Closing " + service.id() + " resource failed: " + e);
            }
        }
    }
}
