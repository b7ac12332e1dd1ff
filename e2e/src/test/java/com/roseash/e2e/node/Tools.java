package com.roseash.e2e.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** kubectl and helm as operator/control-plane/build.sh built them, against one kubeconfig; and running commands. */
record Tools(Path binaries, Path kubeconfig) {

    static Tools built(Path repository, Path kubeconfig) {
        String binaries = lastLine(run(List.of(repository.resolve("operator/control-plane/build.sh").toString()), null,
                Duration.ofMinutes(40)));
        return new Tools(Path.of(binaries), kubeconfig);
    }

    String kubectl(String input, String... arguments) {
        List<String> command = new ArrayList<>(
                List.of(binaries.resolve("kubectl").toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(arguments));
        return run(command, input, Duration.ofMinutes(10));
    }

    String helm(String... arguments) {
        List<String> command = new ArrayList<>(
                List.of(binaries.resolve("helm").toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(arguments));
        return run(command, null, Duration.ofMinutes(10));
    }

    /** Runs a command to its end; its output, or a failure with it. */
    static String run(List<String> command, String input, Duration timeout) {
        try {
            Path log = Files.createTempFile("e2e-command", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            String output = Files.readString(log);
            Files.delete(log);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout + ":\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
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

    static String lastLine(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.getLast().strip();
    }
}
