package com.roseash.images;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.images.LayerArchive.Layer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes an image as one tar that is both an OCI image layout (index.json, blobs; what containerd's
 * {@code ctr images import}, skopeo and registries take) and a {@code docker save} archive (manifest.json;
 * what Jib reads a base image from), like {@code docker save} itself since Docker 25. The manifest's
 * digest, the image's identity, depends only on the config and layers.
 */
final class OciArchive {

    static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
    static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The runtime settings of an image (the "config" object of its configuration). */
    record RunConfig(String user, List<String> env, List<String> entrypoint, List<String> cmd, String workingDir,
                     Map<String, String> labels, List<Integer> exposedPorts) {
    }

    /** A written image: its full reference and the digest of its manifest. */
    record Written(String reference, String digest, Path archive) {
    }

    private OciArchive() {
    }

    static Written write(Path archive, String reference, RunConfig run, List<Layer> layers) {
        byte[] config = json(configuration(run, layers));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MANIFEST_TYPE);
        manifest.put("config", descriptor(CONFIG_TYPE, digest(config), config.length));
        manifest.put("layers", layers.stream().map(layer -> descriptor(LAYER_TYPE, layer.digest(), layer.size())).toList());
        byte[] manifestBytes = json(manifest);
        String manifestDigest = digest(manifestBytes);

        Map<String, Object> indexEntry = descriptor(MANIFEST_TYPE, manifestDigest, manifestBytes.length);
        // Map.of would iterate in a different order on each JVM; every JSON map here has a fixed order.
        Map<String, String> annotations = new TreeMap<>();
        annotations.put("io.containerd.image.name", reference);
        annotations.put("org.opencontainers.image.ref.name", reference.substring(reference.lastIndexOf(':') + 1));
        indexEntry.put("annotations", annotations);
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", "application/vnd.oci.image.index.v1+json");
        index.put("manifests", List.of(indexEntry));

        Map<String, Object> dockerManifest = new LinkedHashMap<>();
        dockerManifest.put("Config", blobPath(digest(config)));
        dockerManifest.put("RepoTags", List.of(reference));
        dockerManifest.put("Layers", layers.stream().map(layer -> blobPath(layer.digest())).toList());

        // Entries in name order, as in every archive this build writes.
        Map<String, Object> entries = new TreeMap<>();
        entries.put("blobs/", null);
        entries.put("blobs/sha256/", null);
        entries.put(blobPath(digest(config)), config);
        entries.put(blobPath(manifestDigest), manifestBytes);
        for (Layer layer : layers) {
            entries.put(blobPath(layer.digest()), layer.blob());
        }
        entries.put("index.json", json(index));
        entries.put("manifest.json", json(List.of(dockerManifest)));
        entries.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        try {
            Files.createDirectories(archive.getParent());
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(archive));
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
                for (var entry : entries.entrySet()) {
                    put(tar, entry.getKey(), entry.getValue());
                }
                tar.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + archive, e);
        }
        return new Written(reference, manifestDigest, archive);
    }

    private static Map<String, Object> configuration(RunConfig run, List<Layer> layers) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("User", run.user());
        if (!run.exposedPorts().isEmpty()) {
            Map<String, Object> ports = new LinkedHashMap<>();
            run.exposedPorts().forEach(port -> ports.put(port + "/tcp", Map.of()));
            config.put("ExposedPorts", ports);
        }
        config.put("Env", run.env());
        config.put("Entrypoint", run.entrypoint());
        if (!run.cmd().isEmpty()) {
            config.put("Cmd", run.cmd());
        }
        config.put("WorkingDir", run.workingDir());
        config.put("Labels", new TreeMap<>(run.labels()));

        Map<String, Object> image = new LinkedHashMap<>();
        image.put("created", LayerArchive.MODIFIED.toString());
        image.put("architecture", "amd64");
        image.put("os", "linux");
        image.put("config", config);
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("type", "layers");
        rootfs.put("diff_ids", layers.stream().map(Layer::diffId).toList());
        image.put("rootfs", rootfs);
        List<Map<String, Object>> history = new ArrayList<>();
        for (Layer layer : layers) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("created", LayerArchive.MODIFIED.toString());
            step.put("created_by", "rose-ash images: " + layer.name());
            history.add(step);
        }
        image.put("history", history);
        return image;
    }

    private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", digest);
        descriptor.put("size", size);
        return descriptor;
    }

    private static void put(TarArchiveOutputStream tar, String name, Object content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, content == null ? TarConstants.LF_DIR : TarConstants.LF_NORMAL);
        entry.setMode(content == null ? 040755 : 0100644);
        entry.setModTime(FileTime.from(LayerArchive.MODIFIED));
        entry.setUserName("");
        entry.setGroupName("");
        if (content instanceof byte[] bytes) {
            entry.setSize(bytes.length);
            tar.putArchiveEntry(entry);
            tar.write(bytes);
        } else if (content instanceof Path file) {
            entry.setSize(Files.size(file));
            tar.putArchiveEntry(entry);
            Files.copy(file, tar);
        } else {
            tar.putArchiveEntry(entry);
        }
        tar.closeArchiveEntry();
    }

    private static String blobPath(String digest) {
        return "blobs/sha256/" + digest.substring("sha256:".length());
    }

    static String digest(byte[] bytes) {
        var sha = LayerArchive.sha256();
        sha.update(bytes);
        return "sha256:" + LayerArchive.hex(sha);
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
