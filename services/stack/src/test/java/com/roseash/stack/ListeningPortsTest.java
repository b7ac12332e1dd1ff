package com.roseash.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack's ports come from below the kernel's ephemeral range, and never twice. */
class ListeningPortsTest {

    @Test
    void portsAreBelowTheEphemeralRangeAndNeverHandedOutTwice() throws IOException {
        int ephemeral = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).getFirst()
                .split("\\s+")[0]);
        assertThat(ListeningPorts.ephemeralStart()).as("read from /proc").isEqualTo(ephemeral);

        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = ListeningPorts.free();
            assertThat(port).isBetween(20_000, ephemeral - 1);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
    }
}
