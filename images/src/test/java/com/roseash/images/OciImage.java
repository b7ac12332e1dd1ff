package com.roseash.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A built image read back the way a runtime reads it: the OCI layout's index, the manifest it names,
 * the config and the layers, each blob checked against its digest.
 */
record OciImage(Path layout, String digest, JsonNode manifest, JsonNode config) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file, directory or link of a layer. */
    record Entry(String path, int mode, long uid, long gid, boolean directory, boolean link, String linkName) {
    }

    static OciImage read(Path archive, Path scratch) {
        try {
            Path layout = Files.createTempDirectory(scratch, archive.getFileName().toString());
            try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(archive))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = layout.resolve(entry.getName());
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target);
                    }
                }
            }
            JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
            String digest = index.path("manifests").path(0).path("digest").asText();
            JsonNode manifest = JSON.readTree(blob(layout, digest).toFile());
            JsonNode config = JSON.readTree(blob(layout, manifest.path("config").path("digest").asText()).toFile());
            return new OciImage(layout, digest, manifest, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A blob by digest, after checking its bytes hash to that digest. */
    static Path blob(Path layout, String digest) throws IOException {
        Path blob = layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
        var sha = LayerArchive.sha256();
        try (InputStream in = Files.newInputStream(blob)) {
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha));
        }
        String actual = "sha256:" + LayerArchive.hex(sha);
        if (!actual.equals(digest)) {
            throw new IllegalStateException(blob + " hashes to " + actual + ", not " + digest);
        }
        return blob;
    }

    List<String> layerDigests() {
        List<String> digests = new ArrayList<>();
        manifest.path("layers").forEach(layer -> digests.add(layer.path("digest").asText()));
        return digests;
    }

    String label(String name) {
        return config.path("config").path("Labels").path(name).asText(null);
    }

    String user() {
        return config.path("config").path("User").asText();
    }

    List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        return entrypoint;
    }

    /** Every entry of every layer, in layer order. */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        try {
            for (String digest : layerDigests()) {
                try (TarArchiveInputStream tar = layer(layout, digest)) {
                    TarArchiveEntry entry;
                    while ((entry = tar.getNextEntry()) != null) {
                        String path = entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", "");
                        entries.add(new Entry(path, entry.getMode() & 07777, entry.getLongUserId(), entry.getLongGroupId(),
                                entry.isDirectory(), entry.isSymbolicLink(), entry.getLinkName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A file's text as the image holds it (the last layer that has the file wins). */
    String text(String path) {
        String found = null;
        try {
            for (String digest : layerDigests()) {
                try (TarArchiveInputStream tar = layer(layout, digest)) {
                    TarArchiveEntry entry;
                    while ((entry = tar.getNextEntry()) != null) {
                        if (entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "").equals(path)) {
                            found = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found == null) {
            throw new AssertionError(path + " is not in the image");
        }
        return found;
    }

    /** The image's file system, as a runtime unpacks it, in {@code root}. */
    void unpack(Path root) {
        try {
            for (String digest : layerDigests()) {
                try (TarArchiveInputStream tar = layer(layout, digest)) {
                    TarArchiveEntry entry;
                    while ((entry = tar.getNextEntry()) != null) {
                        Path target = root.resolve(entry.getName().replaceFirst("^/", "")).normalize();
                        if (entry.isDirectory()) {
                            Files.createDirectories(target);
                        } else if (entry.isSymbolicLink()) {
                            Files.createDirectories(target.getParent());
                            Files.deleteIfExists(target);
                            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                            continue;
                        } else {
                            Files.createDirectories(target.getParent());
                            Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                        Files.setAttribute(target, "unix:mode", entry.getMode() & 07777);
                        Files.setAttribute(target, "unix:uid", (int) entry.getLongUserId());
                        Files.setAttribute(target, "unix:gid", (int) entry.getLongGroupId());
                    }
                }
            }
            // What a runtime mounts: /proc and /dev.
            Files.createDirectories(root.resolve("proc"));
            Files.createDirectories(root.resolve("dev"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TarArchiveInputStream layer(Path layout, String digest) throws IOException {
        return new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(blob(layout, digest))));
    }
}
