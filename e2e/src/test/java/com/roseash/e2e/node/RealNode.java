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

/**
 * The real single-node Kubernetes of e2e/node/node.sh, seen from the test: its kubeconfig, kubectl and
 * helm against it, images loaded into its containerd, and a teardown that leaves nothing behind.
 */
final class RealNode implements AutoCloseable {

    /** Where node.sh puts the node (its veth end); the ingress controller listens here on 80 and 443. */
    static final String NODE_IP = "10.77.0.2";

    private final Path repository;
    private final Path script;
    private final Path kubeconfig;
    private final Path tools;

    private RealNode(Path repository, Path kubeconfig, Path tools) {
        this.repository = repository;
        this.script = repository.resolve("e2e/node/node.sh");
        this.kubeconfig = kubeconfig;
        this.tools = tools;
    }

    /** Brings the node up (a node left over by an interrupted run is taken down first). */
    static RealNode start(Path repository) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("the real-node test needs root (network and mount namespaces, cgroups); bin/test runs as root in CI");
        }
        Path script = repository.resolve("e2e/node/node.sh");
        run(List.of(script.toString(), "down"), Duration.ofMinutes(2));
        String kubeconfig = lastLine(run(List.of(script.toString(), "up"), Duration.ofMinutes(30)));
        String tools = lastLine(run(List.of(repository.resolve("operator/control-plane/build.sh").toString()), Duration.ofMinutes(40)));
        return new RealNode(repository, Path.of(kubeconfig), Path.of(tools));
    }

    void load(List<Path> archives) {
        List<String> command = new ArrayList<>(List.of(script.toString(), "load"));
        archives.forEach(archive -> command.add(archive.toString()));
        run(command, Duration.ofMinutes(10));
    }

    String kubectl(String... arguments) {
        return kubectlWithInput(null, arguments);
    }

    String kubectlWithInput(String input, String... arguments) {
        List<String> command = new ArrayList<>(List.of(tools.resolve("kubectl").toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(arguments));
        return run(command, input, Duration.ofMinutes(10));
    }

    String helm(String... arguments) {
        List<String> command = new ArrayList<>(List.of(tools.resolve("helm").toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(arguments));
        return run(command, Duration.ofMinutes(10));
    }

    Path repository() {
        return repository;
    }

    /** Stops everything node.sh started and checks nothing is left: process, mount, interface, cgroup. */
    @Override
    public void close() {
        run(List.of(script.toString(), "down"), Duration.ofMinutes(2));
    }

    static String run(List<String> command, Duration timeout) {
        return run(command, null, timeout);
    }

    static String run(List<String> command, String input, Duration timeout) {
        try {
            Path log = Files.createTempFile("real-node", ".log");
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
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String lastLine(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.getLast().strip();
    }
}
