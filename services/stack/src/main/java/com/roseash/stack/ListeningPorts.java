package com.roseash.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the stack's servers to listen on, chosen before they start (each service's internal address is in
 * every other's configuration). Chosen below the kernel's ephemeral range: a port from that range, free when
 * picked, can be taken a moment later by any outgoing connection (a pool connecting to PostgreSQL), and the
 * server meant for it then fails to bind.
 */
final class ListeningPorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 20_000;
    /**
     * Every port handed out by this process: a probe lets its port go at once, so without this two servers of one
     * stack (eighteen ports and the gateway's) could be given the same one, and the second would fail to bind.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private ListeningPorts() {
    }

    /** A port nothing listens on now, outside the range outgoing connections take theirs from. */
    static int free() {
        int below = ephemeralStart();
        for (int attempt = 0; attempt < 200 && below > LOWEST + 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                HANDED_OUT.add(port);
                return probe.getLocalPort();
            } catch (IOException taken) {
                // Try another.
            }
        }
        // No room below the range (an unusual kernel setting): any free port, as before.
        return LocalRedis.freePort();
    }

    static int ephemeralStart() {
        try {
            // Read line by line: Files.readString trusts the size /proc reports for the file, and returned "3" here.
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).getFirst().strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
