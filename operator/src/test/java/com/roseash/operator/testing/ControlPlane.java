package com.roseash.operator.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * A real Kubernetes control plane for tests: etcd, kube-apiserver (RBAC on), kube-controller-manager
 * and kube-scheduler, built from source by {@code control-plane/build.sh}, started by kwokctl's binary
 * runtime, with one kwok node on which pods become Running and Ready and Job pods complete. Started
 * once per JVM; stopped and removed at exit.
 */
public final class ControlPlane implements AutoCloseable {

    /**
     * Pods running this image fail at once with exit code 1 (control-plane/pod-fail.yaml): a migrations
     * Job that fails. It is the migrate image of a platform with registry {@code registry.test} and a
     * {@code migrate} override to tag {@code fail-on-kwok}.
     */
    public static final String FAILING_MIGRATE_IMAGE = "registry.test/rose-ash/migrate:fail-on-kwok";

    private static ControlPlane shared;
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    private final Path binaries;
    private final Path workDirectory;
    private final String name;
    private final Path kubeconfig;

    private ControlPlane(Path binaries, Path workDirectory, String name, Path kubeconfig) {
        this.binaries = binaries;
        this.workDirectory = workDirectory;
        this.name = name;
        this.kubeconfig = kubeconfig;
    }

    public static synchronized ControlPlane shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "control-plane-stop"));
        }
        return shared;
    }

    private static ControlPlane start() {
        try {
            Path binaries = Path.of(lastLine(run(List.of("bash", "control-plane/build.sh"), Map.of(), Duration.ofMinutes(40))));
            Path work = Files.createTempDirectory("rose-ash-kwok");
            String name = "rose-ash-" + ProcessHandle.current().pid();
            Path kubeconfig = work.resolve("kubeconfig.yaml");
            ControlPlane plane = new ControlPlane(binaries, work, name, kubeconfig);
            run(List.of(binaries.resolve("kwokctl").toString(), "create", "cluster", "--name", name, "--runtime", "binary",
                            "--kubeconfig", kubeconfig.toString(),
                            "--config", kwokctlConfig(binaries, work).toString(),
                            "--etcd-binary", binaries.resolve("etcd").toString(),
                            "--kube-apiserver-binary", binaries.resolve("kube-apiserver").toString(),
                            "--kube-controller-manager-binary", binaries.resolve("kube-controller-manager").toString(),
                            "--kube-scheduler-binary", binaries.resolve("kube-scheduler").toString(),
                            "--kwok-controller-binary", binaries.resolve("kwok").toString(),
                            "--wait", "2m"),
                    plane.environment(), Duration.ofMinutes(3));
            try (KubernetesClient client = plane.newClient()) {
                // One simulated node; kwok makes it Ready and runs every pod scheduled on it.
                client.nodes().resource(new NodeBuilder().withNewMetadata().withName("kwok-node-0")
                        .addToAnnotations("kwok.x-k8s.io/node", "fake")
                        .addToLabels("kubernetes.io/hostname", "kwok-node-0").addToLabels("type", "kwok")
                        .endMetadata().build()).create();
                client.nodes().withName("kwok-node-0").waitUntilCondition(node -> node != null && node.getStatus() != null
                        && node.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())), 2, TimeUnit.MINUTES);
            }
            return plane;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kwokctl.yaml, kwok's default stages from the build, and our failing-pod stage, as one config file. */
    private static Path kwokctlConfig(Path binaries, Path work) throws IOException {
        List<String> documents = new ArrayList<>();
        documents.add(Files.readString(Path.of("control-plane/kwokctl.yaml")));
        try (Stream<Path> stages = Files.list(binaries.resolve("stages"))) {
            for (Path stage : stages.sorted().toList()) {
                documents.add(Files.readString(stage));
            }
        }
        documents.add(Files.readString(Path.of("control-plane/pod-fail.yaml")));
        Path config = work.resolve("kwokctl-config.yaml");
        Files.writeString(config, String.join("\n---\n", documents));
        return config;
    }

    /** A fresh cluster-admin client. The caller closes it. */
    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(config()).build();
    }

    public Config config() {
        try {
            return Config.fromKubeconfig(Files.readString(kubeconfig));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public Path kubectl() {
        return binaries.resolve("kubectl");
    }

    public Path helm() {
        return binaries.resolve("helm");
    }

    /** A tool's exit code and its standard output and error together. */
    public record Outcome(int exit, String output) {
    }

    /**
     * Runs kubectl, helm or another tool against this plane (its kubeconfig in KUBECONFIG), feeding it
     * {@code input} when not null; the outcome whatever the exit code, so a test can assert a refusal.
     */
    public Outcome command(List<String> command, String input) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("KUBECONFIG", kubeconfig.toString());
            builder.environment().put("HOME", workDirectory.toString());
            // Output to a file: reading a pipe to its end would wait past the time-out.
            Path log = Files.createTempFile("command", ".log");
            Process process = builder.redirectOutput(log.toFile()).start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            boolean finished = process.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            if (!finished) {
                throw new IllegalStateException(command + " did not finish in 5 minutes:\n" + output);
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A new namespace with a unique name, for one test. */
    public String newNamespace(String prefix) {
        String namespace = prefix + "-" + NAMESPACES.incrementAndGet();
        try (KubernetesClient client = newClient()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                    .create();
        }
        return namespace;
    }

    @Override
    public synchronized void close() {
        try {
            run(List.of(binaries.resolve("kwokctl").toString(), "delete", "cluster", "--name", name), environment(),
                    Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            System.err.println("Control plane did not stop cleanly: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory; the OS cleans it eventually.
        }
    }

    private Map<String, String> environment() {
        return Map.of("KWOK_WORKDIR", workDirectory.toString(),
                "PATH", binaries + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    private static String run(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Path log = Files.createTempFile("control-plane", ".log");
            Process process = builder.redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(3, command.size())))
                        + " did not finish in " + timeout + "; log: " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(3, command.size())))
                        + " failed (exit " + process.exitValue() + "):\n" + tail(output));
            }
            Files.deleteIfExists(log);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String lastLine(String output) {
        List<String> lines = new ArrayList<>(output.strip().lines().toList());
        return lines.getLast().strip();
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
