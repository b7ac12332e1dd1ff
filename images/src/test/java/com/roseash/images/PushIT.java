package com.roseash.images;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The push images/README.md and docs/install.md describe: skopeo copies each archive to a registry (the
 * CNCF Distribution registry, built by e2e/node/build.sh, on loopback) and the registry serves it under
 * the digest this build printed, so a cluster pulling by digest gets exactly this build.
 */
class PushIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("rose-ash.repository"));
    private static final BuiltImages BUILT = BuiltImages.ofThisBuild();

    @TempDir
    Path storage;

    @Test
    void everyImagePushedWithSkopeoKeepsTheDigestThisBuildPrinted() throws Exception {
        Path tools = Path.of(lastLine(run(List.of(REPOSITORY.resolve("e2e/node/build.sh").toString()))));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(storage.resolve("config.yml"), """
                version: 0.1
                log: {level: warn}
                storage: {filesystem: {rootdirectory: %s}}
                http: {addr: 127.0.0.1:%d}
                """.formatted(storage.resolve("data"), port));
        Process registry = new ProcessBuilder(tools.resolve("registry").toString(), "serve",
                storage.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(storage.resolve("registry.log").toFile()).start();
        try {
            int listening = port;
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                try (Socket ignored = new Socket("127.0.0.1", listening)) {
                    return true;
                }
            });
            for (var image : BUILT.digests().entrySet()) {
                String destination = "docker://127.0.0.1:" + port + "/rose-ash/" + image.getKey() + ":"
                        + System.getProperty("rose-ash.version");
                run(List.of("skopeo", "copy", "--quiet", "--dest-tls-verify=false",
                        "oci-archive:" + BUILT.archive(image.getKey()), destination));
                String pushed = run(List.of("skopeo", "inspect", "--tls-verify=false", "--format", "{{.Digest}}", destination))
                        .strip();
                assertThat(pushed).as(image.getKey()).isEqualTo(image.getValue());
            }
        } finally {
            registry.destroy();
            assertThat(registry.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }

    private static String lastLine(String output) {
        return output.strip().lines().toList().getLast().strip();
    }
}
