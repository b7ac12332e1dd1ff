package com.roseash.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    /** Runs to the end (two minutes at most); the output, or a failure with it. */
    static String run(Path root, String user, Map<String, String> environment, List<String> command) {
        try {
            // Output to a file: reading a pipe to its end would wait past any time-out.
            Path log = Files.createTempFile("chroot", ".log");
            Process process = command(root, user, environment, command).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(2, TimeUnit.MINUTES);
            if (!finished) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            Files.delete(log);
            if (!finished || process.exitValue() != 0) {
                throw new AssertionError(command + " in " + root + (finished ? " failed" : " did not end in two minutes") + ":\n"
                        + output);
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
