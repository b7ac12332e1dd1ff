package com.roseash.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Debian packages taken the way distroless images take them: downloaded with {@code apt-get download}
 * (the version this machine's apt lists name), unpacked with {@code dpkg-deb -x}, never installed, so no
 * maintainer script (and no shell) is needed. Downloads are kept by name and version in a cache, so a
 * second build of the same packages reads the same bytes.
 */
final class DebianPackages {

    /** One package as unpacked into an image. */
    record Package(String name, String version, String architecture, Path file) {

        /** Package URL, as scanners match it against Debian's security tracker. */
        String purl() {
            return "pkg:deb/debian/" + name + "@" + URLEncoder.encode(version, StandardCharsets.UTF_8)
                    + "?arch=" + architecture + "&distro=debian-" + DebianPackages.release();
        }
    }

    private final Path cache;
    private boolean listsUpdated;

    DebianPackages(Path cache) {
        this.cache = cache;
        try {
            Files.createDirectories(cache);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The candidate version of each package, downloaded once into the cache. */
    List<Package> fetch(List<String> names) {
        List<Package> packages = new ArrayList<>();
        for (String name : names) {
            packages.add(fetch(name));
        }
        return packages;
    }

    private Package fetch(String name) {
        String control = show(name);
        String version = field(control, "Version");
        String architecture = field(control, "Architecture");
        Path file = cache.resolve(name + "_" + version.replace(":", "%3a") + "_" + architecture + ".deb");
        if (!Files.exists(file)) {
            try {
                Path download = Files.createTempDirectory(cache, "download");
                Commands.run(download, List.of("apt-get", "download", "-q", name + "=" + version));
                try (Stream<Path> files = Files.list(download)) {
                    Path downloaded = files.filter(f -> f.toString().endsWith(".deb")).findFirst()
                            .orElseThrow(() -> new IllegalStateException("apt-get download " + name + " wrote no .deb"));
                    Files.move(downloaded, file, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.delete(download);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Package(name, version, architecture, file);
    }

    /** The candidate's control record; the apt lists are read once more after an update if it is unknown. */
    private String show(String name) {
        try {
            return Commands.run(cache, List.of("apt-cache", "show", "--no-all-versions", name));
        } catch (IllegalStateException unknown) {
            if (listsUpdated) {
                throw unknown;
            }
            System.out.println("apt does not know " + name + " yet: apt-get update");
            Commands.run(cache, List.of("apt-get", "update", "-q"));
            listsUpdated = true;
            return Commands.run(cache, List.of("apt-cache", "show", "--no-all-versions", name));
        }
    }

    /**
     * Unpacks {@code pkg} into {@code root} and records it under {@code var/lib/dpkg/status.d}, where
     * scanners (Trivy, Grype) look for the packages of a distroless image.
     */
    static void unpack(Package pkg, Path root) {
        Commands.run(root, List.of("dpkg-deb", "-x", pkg.file().toString(), root.toString()));
        String control = Commands.run(root, List.of("dpkg-deb", "-f", pkg.file().toString()));
        try {
            Path status = root.resolve("var/lib/dpkg/status.d");
            Files.createDirectories(status);
            Files.writeString(status.resolve(pkg.name()), control);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an image without a shell or package manager never reads: manuals, docs (licences stay), lintian. */
    static void prune(Path root) {
        for (String tree : List.of("usr/share/man", "usr/share/info", "usr/share/lintian", "usr/share/bash-completion",
                "usr/share/doc-base", "usr/share/locale", "usr/share/gdb", "etc/init.d", "etc/default", "etc/logrotate.d")) {
            delete(root.resolve(tree));
        }
        Path docs = root.resolve("usr/share/doc");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.walk(docs)) {
                files.sorted(Comparator.reverseOrder())
                        .filter(f -> !f.getFileName().toString().equals("copyright") && !f.equals(docs))
                        .filter(f -> !Files.isDirectory(f) || isEmpty(f))
                        .forEach(DebianPackages::deleteFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Debian's major release of this machine (12 for bookworm), as package URLs name it. */
    static String release() {
        try {
            String version = Files.readString(Path.of("/etc/debian_version")).trim();
            return version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String field(String control, String name) {
        return control.lines().filter(line -> line.startsWith(name + ": ")).map(line -> line.substring(name.length() + 2))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + name + " in\n" + control));
    }

    static void delete(Path tree) {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(tree)) {
            files.sorted(Comparator.reverseOrder()).forEach(DebianPackages::deleteFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteFile(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
