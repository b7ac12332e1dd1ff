package com.roseash.e2e.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * K3s in a container through Testcontainers, where a Docker engine exists (the machines this project is
 * built on have none: `./mvnw verify -Pk3s -pl e2e -am` runs it). K3s's own Traefik serves the Ingress on
 * ports 80 and 443 of this machine's loopback; its local-path provisioner makes the database's volume.
 */
final class K3sCluster implements TestCluster {

    static final String IMAGE = System.getProperty("rose-ash.k3s.image", "rancher/k3s:v1.34.1-k3s1");

    private final K3sContainer k3s;
    private final Tools tools;

    private K3sCluster(K3sContainer k3s, Tools tools) {
        this.k3s = k3s;
        this.tools = tools;
    }

    static K3sCluster start(Path repository, Path work) {
        K3sContainer k3s = new K3sContainer(DockerImageName.parse(IMAGE));
        // The platform's public URLs have no port: its ingress must answer on 443 itself.
        k3s.setPortBindings(List.of("127.0.0.1:443:443", "127.0.0.1:80:80"));
        k3s.start();
        try {
            Path kubeconfig = work.resolve("k3s.kubeconfig");
            Files.writeString(kubeconfig, k3s.getKubeConfigYaml());
            return new K3sCluster(k3s, Tools.built(repository, kubeconfig));
        } catch (IOException e) {
            k3s.stop();
            throw new UncheckedIOException(e);
        }
    }

    /** ctr import in the K3s container, then each tagged image also named repository@digest, as node.sh does. */
    @Override
    public void load(List<Path> archives) {
        for (Path archive : archives) {
            String inContainer = "/tmp/" + archive.getFileName();
            k3s.copyFileToContainer(MountableFile.forHostPath(archive), inContainer);
            exec("ctr", "-n", "k8s.io", "images", "import", "--all-platforms", inContainer);
            exec("rm", "-f", inContainer);
        }
        for (String line : exec("ctr", "-n", "k8s.io", "images", "list").lines().skip(1).toList()) {
            String[] columns = line.trim().split("\\s+");
            String name = columns[0];
            if (name.startsWith("sha256:") || name.contains("@sha256:") || !name.contains(":")) {
                continue;
            }
            exec("ctr", "-n", "k8s.io", "images", "tag", "--force", name,
                    name.substring(0, name.lastIndexOf(':')) + "@" + columns[2]);
        }
    }

    private String exec(String... command) {
        try {
            ExecResult result = k3s.execInContainer(command);
            if (result.getExitCode() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + result.getExitCode()
                        + ":\n" + result.getStdout() + result.getStderr());
            }
            return result.getStdout();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Tools tools() {
        return tools;
    }

    @Override
    public String ingressAddress() {
        return "127.0.0.1";
    }

    @Override
    public String ingressClass() {
        return "traefik";
    }

    @Override
    public String storageClassFor(String claimSize) {
        return "local-path";
    }

    @Override
    public void close() {
        k3s.stop();
    }
}
