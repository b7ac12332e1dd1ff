package com.roseash.images;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * One image layer made from a directory, byte for byte the same on every build of the same files:
 * entries in path order, one modification time, owner root (or the owner a path is given), no
 * group- or world-writable files, symbolic links kept as links. The result is a gzip'd tar in a
 * content-addressed blob directory.
 */
final class LayerArchive {

    /** Jib's default for application layers, used for every layer so all images agree. */
    static final Instant MODIFIED = Instant.ofEpochSecond(1);

    /** A layer as the image manifest and config name it. */
    record Layer(String name, Path blob, String digest, String diffId, long size) {
    }

    /** Owner and mode of one path in a layer (a directory the image's user writes to, say). */
    record Ownership(int uid, int gid, int mode) {
    }

    private LayerArchive() {
    }

    static Layer write(String name, Path root, Path blobs, Map<String, Ownership> owned) {
        try {
            Files.createDirectories(blobs);
            Path temporary = Files.createTempFile(blobs, name, ".tmp");
            MessageDigest compressed = sha256();
            MessageDigest uncompressed = sha256();
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary));
                 DigestOutputStream compressedDigest = new DigestOutputStream(file, compressed);
                 GZIPOutputStream gzip = new GZIPOutputStream(compressedDigest, 1 << 16);
                 DigestOutputStream uncompressedDigest = new DigestOutputStream(gzip, uncompressed);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(uncompressedDigest)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
                for (Path path : entries(root)) {
                    String relative = root.relativize(path).toString();
                    tar.putArchiveEntry(entry(path, relative, owned.get(relative)));
                    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                        Files.copy(path, tar);
                    }
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            String digest = hex(compressed);
            Path blob = blobs.resolve(digest);
            Files.move(temporary, blob, StandardCopyOption.REPLACE_EXISTING);
            return new Layer(name, blob, "sha256:" + digest, "sha256:" + hex(uncompressed), Files.size(blob));
        } catch (IOException e) {
            throw new UncheckedIOException("writing layer " + name + " from " + root, e);
        }
    }

    /** Every path under {@code root} (not root itself), parents before children, in one fixed order. */
    private static List<Path> entries(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> !path.equals(root))
                    .sorted((a, b) -> root.relativize(a).toString().compareTo(root.relativize(b).toString()))
                    .toList();
        }
    }

    private static TarArchiveEntry entry(Path path, String name, Ownership ownership) throws IOException {
        TarArchiveEntry entry;
        int mode;
        if (Files.isSymbolicLink(path)) {
            entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(path).toString());
            mode = 0120777;
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            entry = new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
            mode = 040755;
        } else {
            entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
            entry.setSize(Files.size(path));
            // Modes on disk follow the builder's umask; an image's must not. Executable or not is all that
            // is kept: everything is readable, and writable by its owner only (root, unless given).
            boolean executable = ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0111) != 0;
            mode = executable ? 0100755 : 0100644;
        }
        int uid = 0;
        int gid = 0;
        if (ownership != null) {
            uid = ownership.uid();
            gid = ownership.gid();
            mode = (mode & 0170000) | ownership.mode();
        }
        entry.setMode(mode);
        entry.setUserId(uid);
        entry.setGroupId(gid);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setModTime(FileTime.from(MODIFIED));
        return entry;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
