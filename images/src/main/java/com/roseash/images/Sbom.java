package com.roseash.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CycloneDX SBOM written beside each image: the image itself as the subject, and everything in it,
 * Debian packages, the Java runtime, and for a Java image the Maven dependencies that
 * cyclonedx-maven-plugin found in its module (with their licences and hashes).
 */
final class Sbom {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Sbom() {
    }

    static ObjectNode debian(DebianPackages.Package pkg) {
        ObjectNode component = JSON.createObjectNode();
        component.put("type", "library");
        component.put("bom-ref", pkg.purl());
        component.put("name", pkg.name());
        component.put("version", pkg.version());
        component.put("purl", pkg.purl());
        return component;
    }

    static ObjectNode other(String type, String name, String version, String purl, String description) {
        ObjectNode component = JSON.createObjectNode();
        component.put("type", type);
        component.put("bom-ref", purl);
        component.put("name", name);
        component.put("version", version);
        component.put("purl", purl);
        component.put("description", description);
        return component;
    }

    /** The components of a Maven module's BOM (target/bom.json), as cyclonedx-maven-plugin wrote them. */
    static List<ObjectNode> maven(Path bom) {
        try {
            JsonNode tree = JSON.readTree(bom.toFile());
            List<ObjectNode> components = new ArrayList<>();
            tree.path("components").forEach(component -> components.add((ObjectNode) component));
            return components;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + bom + " (cyclonedx-maven-plugin's output)", e);
        }
    }

    /** The file name maven-dependency-plugin gives a component's jar: artifactId-version[-classifier].jar. */
    static String jarName(ObjectNode component) {
        String purl = component.path("purl").asText();
        int query = purl.indexOf("classifier=");
        String classifier = query < 0 ? "" : "-" + purl.substring(query + "classifier=".length()).split("&")[0];
        return component.path("name").asText() + "-" + component.path("version").asText() + classifier + ".jar";
    }

    /** The component's hashes replaced by the SHA-256 of {@code file}, the bytes the image holds. */
    static void hashed(ObjectNode component, Path file) {
        try {
            var sha = LayerArchive.sha256();
            sha.update(Files.readAllBytes(file));
            ArrayNode hashes = component.putArray("hashes");
            ObjectNode hash = hashes.addObject();
            hash.put("alg", "SHA-256");
            hash.put("content", LayerArchive.hex(sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String repository, String tag, String digest, List<ObjectNode> components) {
        ObjectNode bom = JSON.createObjectNode();
        bom.put("bomFormat", "CycloneDX");
        bom.put("specVersion", "1.6");
        // Derived from the digest: the same image always has the same SBOM.
        bom.put("serialNumber", "urn:uuid:" + UUID.nameUUIDFromBytes(digest.getBytes(StandardCharsets.UTF_8)));
        bom.put("version", 1);
        ObjectNode metadata = bom.putObject("metadata");
        ObjectNode tool = metadata.putObject("tools").putArray("components").addObject();
        tool.put("type", "application");
        tool.put("name", "rose-ash images");
        ObjectNode subject = metadata.putObject("component");
        String name = repository.substring(repository.lastIndexOf('/') + 1);
        String purl = "pkg:oci/" + name + "@" + URLEncoder.encode(digest, StandardCharsets.UTF_8)
                + "?repository_url=" + URLEncoder.encode(repository, StandardCharsets.UTF_8) + "&tag=" + tag;
        subject.put("type", "container");
        subject.put("bom-ref", purl);
        subject.put("name", repository);
        subject.put("version", digest);
        subject.put("purl", purl);
        ArrayNode list = bom.putArray("components");
        components.forEach(list::add);
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), bom);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }
}
