package com.roseash.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The jars this repository builds, as they go into an image: Maven's jar plugin records each entry's
 * Unix mode from the file system, so the same sources give other bytes under another umask. Here every
 * entry is 0644 (a directory 0755); names, order, times and compressed bytes are kept as they are.
 */
final class Jars {

    private Jars() {
    }

    static Path normalised(Path jar, Path directory) {
        try {
            Files.createDirectories(directory);
            Path out = directory.resolve(jar.getFileName());
            try (ZipFile zip = ZipFile.builder().setPath(jar).get();
                 ZipArchiveOutputStream copy = new ZipArchiveOutputStream(out)) {
                for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                    entry.setUnixMode(entry.isDirectory() ? 040755 : 0100644);
                    copy.addRawArchiveEntry(entry, zip.getRawInputStream(entry));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("normalising " + jar, e);
        }
    }
}
