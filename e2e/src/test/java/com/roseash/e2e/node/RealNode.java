package com.roseash.e2e.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real single-node Kubernetes of e2e/node/node.sh, seen from the test: its kubeconfig, kubectl and
 * helm against it, images loaded into its containerd, and a teardown that leaves nothing behind.
 */
final class RealNode implements TestCluster {

    /** Where node.sh puts the node (its veth end); the ingress controller listens here on 80 and 443. */
    static final String NODE_IP = "10.77.0.2";

    private final Path script;
    private final Tools tools;
    private final Path work;

    private RealNode(Path script, Tools tools, Path work) {
        this.script = script;
        this.tools = tools;
        this.work = work;
    }

    /** Brings the node up (a node left over by an interrupted run is taken down first). */
    static RealNode start(Path repository) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("the real-node test needs root (network and mount namespaces, cgroups); "
                    + "bin/test runs as root in CI");
        }
        Path script = repository.resolve("e2e/node/node.sh");
        Tools.run(List.of(script.toString(), "down"), null, Duration.ofMinutes(2));
        try {
            Path kubeconfig = Path.of(Tools.lastLine(Tools.run(List.of(script.toString(), "up"), null, Duration.ofMinutes(30))));
            // node.sh keeps everything of the node, its kubeconfig included, in one work directory.
            return new RealNode(script, Tools.built(repository, kubeconfig), kubeconfig.getParent());
        } catch (RuntimeException failed) {
            // node.sh takes down what a failed start made, unless it was killed for taking too long.
            Tools.run(List.of(script.toString(), "down"), null, Duration.ofMinutes(2));
            throw failed;
        }
    }

    @Override
    public void load(List<Path> archives) {
        List<String> command = new ArrayList<>(List.of(script.toString(), "load"));
        archives.forEach(archive -> command.add(archive.toString()));
        Tools.run(command, null, Duration.ofMinutes(10));
    }

    @Override
    public Tools tools() {
        return tools;
    }

    @Override
    public String ingressAddress() {
        return NODE_IP;
    }

    @Override
    public String ingressClass() {
        return "haproxy";
    }

    /** Nothing provisions volumes on the node: a hostPath volume in its work directory, of class "local". */
    @Override
    public String storageClassFor(String claimSize) {
        try {
            Path volume = Files.createDirectories(work.resolve("pv/coop"));
            Files.setPosixFilePermissions(volume, PosixFilePermissions.fromString("rwxrwxrwx"));
            kubectlWithInput("""
                    apiVersion: v1
                    kind: PersistentVolume
                    metadata: {name: coop-data}
                    spec:
                      capacity: {storage: %s}
                      accessModes: [ReadWriteOnce]
                      storageClassName: local
                      persistentVolumeReclaimPolicy: Retain
                      hostPath: {path: %s, type: Directory}
                    """.formatted(claimSize, volume), "apply", "-f", "-");
            return "local";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops everything node.sh started; node.sh then checks nothing is left: process, mount, interface, cgroup. */
    @Override
    public void close() {
        Tools.run(List.of(script.toString(), "down"), null, Duration.ofMinutes(2));
    }
}
