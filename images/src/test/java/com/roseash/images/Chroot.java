package com.roseash.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an unpacked image's program the way a container runtime would as far as the image is concerned:
 * its root, its user, its environment only, /proc and /dev mounted, in mount and PID namespaces of its
 * own (so the mounts and every process go when it ends). Needs root, as CI has.
 */
final class Chroot {

    private Chroot() {
    }

    static ProcessBuilder command(Path root, String user, Map<String, String> environment, List<String> command) {
        List<String> line = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child=SIGTERM",
                "sh", "-c", "mount -t proc proc \"$1/proc\" && mount --bind /dev \"$1/dev\" && shift && exec \"$@\"", "sh",
                root.toString(), "env", "-i"));
        environment.forEach((name, value) -> line.add(name + "=" + value));
        line.addAll(List.of("/usr/sbin/chroot", "--userspec=" + user, root.toString()));
        line.addAll(command);
        return new ProcessBuilder(line).redirectErrorStream(true);
    }

    /** Runs to the end; the output, or a failure with it. */
    static String run(Path root, String user, Map<String, String> environment, List<String> command) {
        try {
            Process process = command(root, user, environment, command).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError(command + " in " + root + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
