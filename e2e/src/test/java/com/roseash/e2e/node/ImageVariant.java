package com.roseash.e2e.node;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Another build of an image, as a registry would hold it after a new push: the same layers with a changed
 * configuration (a label, or an entry point), so a new config, manifest and digest, under a tag of its own.
 */
record ImageVariant(Path archive, String reference, String digest) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ImageVariant of(Path original, Path directory, String tag, Consumer<ObjectNode> change) {
        try {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(original))) {
                TarArchiveEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    if (!entry.isDirectory()) {
                        entries.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
            ObjectNode index = (ObjectNode) JSON.readTree(entries.get("index.json"));
            ObjectNode descriptor = (ObjectNode) index.withArray("manifests").get(0);
            ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get(blob(descriptor.path("digest").asText())));
            ObjectNode config = (ObjectNode) JSON.readTree(entries.get(blob(manifest.path("config").path("digest").asText())));

            change.accept(config);
            byte[] configBytes = JSON.writeValueAsBytes(config);
            String configDigest = digest(configBytes);
            ((ObjectNode) manifest.path("config")).put("digest", configDigest).put("size", configBytes.length);
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            String manifestDigest = digest(manifestBytes);

            // containerd's annotation has the full name; Jib's archives have it only as the OCI ref.name.
            JsonNode given = descriptor.path("annotations");
            String name = given.has("io.containerd.image.name") ? given.path("io.containerd.image.name").asText()
                    : given.path("org.opencontainers.image.ref.name").asText();
            String reference = name.substring(0, name.lastIndexOf(':')) + ":" + tag;
            descriptor.put("digest", manifestDigest).put("size", manifestBytes.length);
            ObjectNode annotations = JSON.createObjectNode();
            annotations.put("io.containerd.image.name", reference);
            descriptor.set("annotations", annotations);
            ArrayNode manifests = JSON.createArrayNode().add(descriptor);
            index.set("manifests", manifests);

            entries.put(blob(configDigest), configBytes);
            entries.put(blob(manifestDigest), manifestBytes);
            entries.put("index.json", JSON.writeValueAsBytes(index));
            entries.remove("manifest.json");
            Path archive = directory.resolve(original.getFileName().toString().replace(".tar", "-" + tag + ".tar"));
            try (OutputStream file = Files.newOutputStream(archive);
                    TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (var entry : entries.entrySet()) {
                    TarArchiveEntry tar = new TarArchiveEntry(entry.getKey());
                    tar.setSize(entry.getValue().length);
                    out.putArchiveEntry(tar);
                    out.write(entry.getValue());
                    out.closeArchiveEntry();
                }
            }
            return new ImageVariant(archive, reference, manifestDigest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A label added: a rebuild that changed nothing the service does. */
    static Consumer<ObjectNode> labelled(String key, String value) {
        return config -> config.with("config").with("Labels").put(key, value);
    }

    /** An entry point that exits at once with an error, as a broken build's would. */
    static Consumer<ObjectNode> failing() {
        return config -> {
            ArrayNode entrypoint = JSON.createArrayNode().add("/opt/java/bin/java").add("-XX:+ThisOptionBreaksTheBuild");
            config.with("config").set("Entrypoint", entrypoint);
        };
    }

    private static String blob(String digest) {
        return "blobs/sha256/" + digest.substring("sha256:".length());
    }

    private static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
