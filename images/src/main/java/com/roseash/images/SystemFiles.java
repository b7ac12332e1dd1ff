package com.roseash.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a distroless root has besides its packages: the users every image of the platform runs as, name
 * service switch, the CA bundle that update-ca-certificates would have made, and an empty /tmp.
 */
final class SystemFiles {

    /** The user of the Java images (services, migrate, operator); the operator's pods run as the same. */
    static final int JAVA_USER = 10001;
    static final int POSTGRES_USER = 70;
    static final int REDIS_USER = 999;

    private SystemFiles() {
    }

    static void write(Path root) {
        try {
            Path etc = Files.createDirectories(root.resolve("etc"));
            Files.writeString(etc.resolve("passwd"), String.join("\n",
                    "root:x:0:0:root:/root:/sbin/nologin",
                    "postgres:x:" + POSTGRES_USER + ":" + POSTGRES_USER + ":PostgreSQL:/var/lib/postgresql:/sbin/nologin",
                    "redis:x:" + REDIS_USER + ":" + REDIS_USER + ":Redis:/data:/sbin/nologin",
                    "rose-ash:x:" + JAVA_USER + ":" + JAVA_USER + ":Rose Ash:/tmp:/sbin/nologin",
                    "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin", ""));
            Files.writeString(etc.resolve("group"), String.join("\n",
                    "root:x:0:", "postgres:x:" + POSTGRES_USER + ":", "redis:x:" + REDIS_USER + ":",
                    "rose-ash:x:" + JAVA_USER + ":", "nogroup:x:65534:", ""));
            Files.writeString(etc.resolve("nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
            Files.createDirectories(root.resolve("tmp"));
            caBundle(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificates of the ca-certificates package in one file, in name order. */
    private static void caBundle(Path root) throws IOException {
        Path certificates = root.resolve("usr/share/ca-certificates");
        if (!Files.isDirectory(certificates)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(certificates)) {
            files = walk.filter(f -> f.toString().endsWith(".crt")).sorted().toList();
        }
        StringBuilder bundle = new StringBuilder();
        for (Path file : files) {
            String pem = Files.readString(file);
            bundle.append(pem.endsWith("\n") ? pem : pem + "\n");
        }
        Path target = Files.createDirectories(root.resolve("etc/ssl/certs")).resolve("ca-certificates.crt");
        Files.writeString(target, bundle);
    }
}
