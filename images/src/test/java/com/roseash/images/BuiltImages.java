package com.roseash.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the build printed into digests.txt: each image's name, digest and reference. */
record BuiltImages(Path directory, Map<String, String> digests, Map<String, String> references) {

    static BuiltImages in(Path directory) {
        Map<String, String> digests = new LinkedHashMap<>();
        Map<String, String> references = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(directory.resolve("digests.txt"))) {
                String[] parts = line.split(" ");
                digests.put(parts[0], parts[1]);
                references.put(parts[0], parts[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuiltImages(directory, digests, references);
    }

    static BuiltImages ofThisBuild() {
        return in(Path.of(System.getProperty("rose-ash.images")));
    }

    Path archive(String name) {
        return directory.resolve(name + ".tar");
    }

    Path sbom(String name) {
        return directory.resolve(name + ".cdx.json");
    }
}
