package com.roseash.images;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The images this build made, read back and run as a container runtime would run them. */
class ImagesIT {

    private static final BuiltImages BUILT = BuiltImages.ofThisBuild();
    private static final Path REPOSITORY = Path.of(System.getProperty("rose-ash.repository"));
    private static final Set<String> SHELLS = Set.of("bin/sh", "usr/bin/sh", "bin/bash", "usr/bin/bash", "bin/dash",
            "usr/bin/dash", "bin/busybox", "usr/bin/busybox", "bin/ash");

    @TempDir
    Path scratch;

    @Test
    void everyImageIsAnOciLayoutWhoseManifestHasThePrintedDigest() throws IOException {
        assertThat(BUILT.digests().keySet()).containsExactly("base", "postgres-15", "postgres-16", "postgres-17",
                "postgres-18", "redis", "blog", "market", "cart", "events", "federation", "account", "migrate", "operator");
        for (var image : BUILT.digests().entrySet()) {
            OciImage read = OciImage.read(BUILT.archive(image.getKey()), scratch);
            assertThat(read.digest()).as(image.getKey()).isEqualTo(image.getValue());
            for (String layer : read.layerDigests()) {
                OciImage.blob(read.layout(), layer); // fails unless the blob hashes to its digest
            }
            assertThat(read.config().path("architecture").asText()).isEqualTo("amd64");
        }
    }

    @Test
    void theJavaImagesAreMadeOntoTheBaseAndShareItsLayers() {
        List<String> base = OciImage.read(BUILT.archive("base"), scratch).layerDigests();
        for (JavaApp app : JavaApp.ALL) {
            OciImage image = OciImage.read(BUILT.archive(app.name()), scratch);
            assertThat(image.layerDigests().subList(0, base.size())).as(app.name()).isEqualTo(base);
            assertThat(image.label("org.opencontainers.image.base.digest")).as(app.name()).isEqualTo(BUILT.digests().get("base"));
        }
    }

    @Test
    void everyImageRunsAsANamedUserThatIsNotRoot() {
        for (String name : BUILT.digests().keySet()) {
            OciImage image = OciImage.read(BUILT.archive(name), scratch);
            assertThat(image.user()).as(name).matches("[1-9][0-9]*:[1-9][0-9]*");
            String uid = image.user().split(":")[0];
            assertThat(image.text("etc/passwd").lines()).as(name + "'s /etc/passwd names its user")
                    .anyMatch(line -> line.split(":")[2].equals(uid));
        }
    }

    @Test
    void everyImageIsLabelledWithItsSourceRevisionAndVersion() {
        for (String name : BUILT.digests().keySet()) {
            OciImage image = OciImage.read(BUILT.archive(name), scratch);
            assertThat(image.label("org.opencontainers.image.source")).as(name).isEqualTo(Build.SOURCE);
            assertThat(image.label("org.opencontainers.image.version")).as(name)
                    .isEqualTo(System.getProperty("rose-ash.version"));
            assertThat(image.label("org.opencontainers.image.revision")).as(name).matches("[0-9a-f]{40}(-dirty)?|unknown");
        }
        // That it is the last commit of the image's own sources, not HEAD: ReproducibleBuildIT.
    }

    @Test
    void noImageHasAShellButPostgresWhoseInitdbNeedsOne() {
        for (String name : BUILT.digests().keySet()) {
            Set<String> shells = new HashSet<>();
            OciImage.read(BUILT.archive(name), scratch).entries().stream().map(OciImage.Entry::path)
                    .filter(SHELLS::contains).forEach(shells::add);
            if (name.startsWith("postgres-")) {
                assertThat(shells).as(name).containsExactlyInAnyOrder("bin/sh", "bin/dash");
            } else {
                assertThat(shells).as(name).isEmpty();
            }
        }
    }

    @Test
    void nothingIsWritableButByItsOwnerAndTheUserOwnsOnlyItsDataDirectories() {
        Set<String> userOwned = Set.of("var/lib/postgresql", "var/lib/postgresql/data", "var/run/postgresql", "data");
        for (String name : BUILT.digests().keySet()) {
            for (OciImage.Entry entry : OciImage.read(BUILT.archive(name), scratch).entries()) {
                if (entry.link()) {
                    continue;
                }
                if (entry.path().equals("tmp")) {
                    assertThat(entry.mode()).as(name + " /tmp").isEqualTo(01777);
                    continue;
                }
                assertThat(entry.mode() & 022).as(name + " " + entry.path() + " is group- or world-writable")
                        .isZero();
                if (entry.uid() != 0) {
                    assertThat(userOwned).as(name + " " + entry.path() + " belongs to " + entry.uid()).contains(entry.path());
                } else {
                    // Readable (and directories searchable) by the image's user, whatever the builder's umask.
                    assertThat(entry.mode() & (entry.directory() ? 05 : 04))
                            .as(name + " " + entry.path() + " is not readable by others")
                            .isEqualTo(entry.directory() ? 05 : 04);
                }
            }
        }
    }

    @Test
    void besideEachImageIsAnSbomOfEverythingInIt() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (var image : BUILT.digests().entrySet()) {
            String name = image.getKey();
            JsonNode sbom = json.readTree(BUILT.sbom(name).toFile());
            assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
            assertThat(sbom.path("metadata").path("component").path("version").asText()).as(name).isEqualTo(image.getValue());
            Set<String> components = new HashSet<>();
            sbom.path("components").forEach(c -> components.add(c.path("name").asText() + "@" + c.path("version").asText()));
            Set<String> names = new HashSet<>();
            sbom.path("components").forEach(c -> names.add(c.path("name").asText()));
            List<OciImage.Entry> entries = OciImage.read(BUILT.archive(name), scratch).entries();
            // Every Debian package the image carries (distroless records them in var/lib/dpkg/status.d).
            entries.stream().filter(e -> e.path().startsWith("var/lib/dpkg/status.d/"))
                    .map(e -> e.path().substring("var/lib/dpkg/status.d/".length()))
                    .forEach(pkg -> assertThat(names).as(name + " SBOM lists " + pkg).contains(pkg));
            // Every jar of a Java image, by name and version.
            for (OciImage.Entry entry : entries) {
                if (entry.path().startsWith("app/libs/") && entry.path().endsWith(".jar")) {
                    String jar = entry.path().substring("app/libs/".length());
                    assertThat(components.stream().anyMatch(c -> jar.equals(c.replace('@', '-') + ".jar")))
                            .as(name + " SBOM lists " + jar).isTrue();
                }
            }
            if (!name.startsWith("postgres-") && !name.equals("redis")) {
                assertThat(names).as(name).contains("java-runtime");
            }
        }
    }

    @Test
    void theOperatorImageRendersAPlatformWithoutACluster() throws IOException {
        Path root = unpacked("operator");
        Files.copy(REPOSITORY.resolve("manifests/samples/coop/platform.yaml"), root.resolve("tmp/platform.yaml"));
        OciImage image = OciImage.read(BUILT.archive("operator"), scratch);
        List<String> command = new ArrayList<>(image.entrypoint());
        command.addAll(List.of("render", "/tmp/platform.yaml"));

        String manifests = Chroot.run(root, image.user(), environment(image), command);

        assertThat(manifests).contains("kind: \"Deployment\"").contains("name: \"coop-blog\"")
                .contains("image: \"registry.coop.example/rose-ash/blog@sha256:");
    }

    @Test
    void postgresInitialisesOnceServesThePlatformUserAndTheMigrateImageMigratesIt() throws Exception {
        Path root = unpacked("postgres-17");
        OciImage postgres = OciImage.read(BUILT.archive("postgres-17"), scratch);
        int port = freePort();
        Map<String, String> environment = Map.of("POSTGRES_USER", "roseash", "POSTGRES_PASSWORD", "s3cret",
                "POSTGRES_DB", "roseash", "PGDATA", "/var/lib/postgresql/data/pgdata");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/roseash";

        Process first = start(root, postgres, environment, List.of("-p", String.valueOf(port)));
        try {
            try (Connection connection = connect(url, "roseash", "s3cret");
                 ResultSet rs = connection.createStatement().executeQuery("SELECT current_user, current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("roseash");
                assertThat(rs.getString(2)).isEqualTo("roseash");
            }
            assertThat(refused(url, "roseash", "wrong")).as("a wrong password is refused").isTrue();

            Path migrateRoot = unpacked("migrate");
            OciImage migrate = OciImage.read(BUILT.archive("migrate"), scratch);
            Map<String, String> migrateEnvironment = new HashMap<>(environment(migrate));
            migrateEnvironment.putAll(Map.of("ROSE_ASH_DB_URL", url, "ROSE_ASH_DB_USER", "roseash",
                    "ROSE_ASH_DB_PASSWORD", "s3cret"));
            String migrated = Chroot.run(migrateRoot, migrate.user(), migrateEnvironment, migrate.entrypoint());
            assertThat(migrated).contains("Migrations complete");
        } finally {
            stop(first);
        }
        String firstLog = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(firstLog).contains("creating a new cluster").contains("received fast shutdown request");

        Process second = start(root, postgres, environment, List.of("-p", String.valueOf(port)));
        try (Connection connection = connect(url, "roseash", "s3cret");
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM blog.flyway_schema_history WHERE success")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the migrated schema survived a restart").isPositive();
        } finally {
            stop(second);
        }
        assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .doesNotContain("creating a new cluster");
    }

    @Test
    void redisAnswers() throws Exception {
        Path root = unpacked("redis");
        OciImage redis = OciImage.read(BUILT.archive("redis"), scratch);
        int port = freePort();
        Process server = start(root, redis, Map.of(), List.of("--port", String.valueOf(port), "--protected-mode", "no",
                "--save", "", "--appendonly", "no"));
        try {
            String reply = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    OutputStream out = socket.getOutputStream();
                    out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
                }
            }, answer -> true);
            assertThat(reply).isEqualTo("+PONG");
        } finally {
            stop(server);
        }
    }

    private Path unpacked(String name) throws IOException {
        Path root = Files.createDirectories(scratch.resolve("root-" + name));
        OciImage.read(BUILT.archive(name), scratch).unpack(root);
        return root;
    }

    private static Map<String, String> environment(OciImage image) {
        Map<String, String> environment = new HashMap<>();
        image.config().path("config").path("Env").forEach(variable -> {
            String[] parts = variable.asText().split("=", 2);
            environment.put(parts[0], parts[1]);
        });
        return environment;
    }

    private static Process start(Path root, OciImage image, Map<String, String> environment,
            List<String> arguments) throws IOException {
        Map<String, String> all = new HashMap<>(environment(image));
        all.putAll(environment);
        List<String> command = new ArrayList<>(image.entrypoint());
        command.addAll(arguments);
        return Chroot.command(root, image.user(), all, command).start();
    }

    /**
     * SIGTERM to the image's process, as the kubelet sends it (unshare itself ignores SIGTERM while it
     * waits); the process must be gone within a grace period.
     */
    private static void stop(Process process) throws InterruptedException {
        process.toHandle().children().forEach(ProcessHandle::destroy);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
    }

    /** A connection once the server accepts one (it starts with initdb on a first run). */
    private static Connection connect(String url, String user, String password) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> DriverManager.getConnection(url, user, password), connection -> true);
    }

    private static boolean refused(String url, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return false;
        } catch (SQLException e) {
            return e.getMessage().contains("password authentication failed");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
