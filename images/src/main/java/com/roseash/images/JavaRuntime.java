package com.roseash.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Java runtime of every Java image, cut with jlink to the modules the services and the operator
 * use. {@code JavaRuntimeIT} holds the list against what jdeps finds in each image's class path; the
 * rest are modules loaded by name at run time, which jdeps cannot see.
 */
final class JavaRuntime {

    static final List<String> MODULES = List.of(
            "java.base", "java.logging", "java.management", "java.naming", "java.net.http", "java.sql", "java.xml",
            // java.beans (Mustache's reflection), AWT-free: the services never open a window.
            "java.desktop",
            // Helidon's metrics and observability.
            "jdk.jfr", "jdk.management",
            "jdk.unsupported",
            // The operator's admin endpoint.
            "jdk.httpserver",
            // Loaded by name: TLS with EC keys, zip file systems, GSS for PostgreSQL's driver, DNS for JNDI.
            "jdk.crypto.ec", "jdk.zipfs", "java.security.jgss", "java.security.sasl", "jdk.naming.dns");

    static final String HOME = "opt/java";

    private JavaRuntime() {
    }

    /**
     * Links the runtime into {@code root}/opt/java. The same JDK and modules give the same files, but only
     * from a jlink process of its own: run in this JVM, jlink's generate-jli-classes plugin also writes the
     * method-handle species this JVM happened to spin before, and the image changes with what ran first.
     */
    static void link(Path root) {
        Path output = root.resolve(HOME);
        try {
            Files.createDirectories(output.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        Commands.run(root, List.of(jlink.toString(), "--add-modules", String.join(",", MODULES), "--strip-debug",
                "--no-header-files", "--no-man-pages", "--compress=zip-6", "--output", output.toString()));
    }

    /** The version of the JDK the runtime is cut from (what {@code java -version} of the image says). */
    static String version() {
        return Runtime.version().toString();
    }
}
