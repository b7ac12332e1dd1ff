package com.roseash.images;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.roseash.images.Build.Built;

/**
 * {@code images build}: every image of the platform as OCI archives in one directory, with an SBOM
 * beside each, the digests, and the files that pin them. Maven runs it when the images module is
 * packaged (see images/pom.xml); {@code images/README.md} says how to push the archives to a registry.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
            // File names are read through the locale; Debian's CA certificates have non-ASCII ones.
            System.err.println("images: file names need a UTF-8 locale (run with LC_ALL=C.UTF-8), not "
                    + System.getProperty("sun.jnu.encoding"));
            System.exit(2);
        }
        Path repository = Path.of(options.getOrDefault("repository", ".")).toAbsolutePath().normalize();
        List<Path> postgres = new ArrayList<>();
        for (String jar : options.getOrDefault("postgres", "").split(",")) {
            if (!jar.isBlank()) {
                postgres.add(Path.of(jar.trim()));
            }
        }
        String version = required(options, "version");
        Build.Options build = new Build.Options(repository,
                Path.of(options.getOrDefault("out", repository.resolve("images/target/oci").toString())),
                Path.of(options.getOrDefault("work", repository.resolve("images/target/work").toString())),
                Path.of(options.getOrDefault("cache", System.getenv().getOrDefault("ROSE_ASH_CACHE",
                        System.getProperty("user.home") + "/.cache/rose-ash")) + "/images"),
                options.getOrDefault("registry", "ghcr.io"), version, options.getOrDefault("tag", version), postgres);
        long started = System.nanoTime();
        List<Built> images = new Build(build).all();
        Pins.write(build.out(), images);
        System.out.printf("images: %d built in %d s into %s%n", images.size(),
                (System.nanoTime() - started) / 1_000_000_000L, build.out());
        for (Built image : images) {
            System.out.printf("  %-12s %s%n", image.name(), image.digest());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                System.err.println("usage: images --version V [--tag T] [--registry R] [--repository DIR] [--out DIR]"
                        + " [--work DIR] [--cache DIR] [--postgres JAR,...]");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            System.err.println("images: --" + name + " is required");
            System.exit(2);
        }
        return value;
    }
}
