package com.roseash.images;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The revision label of an image: the last commit that changed the image's own sources, not the
 * checkout's HEAD. With HEAD every commit would change every image's digest; this way an image whose
 * sources did not change keeps its digest, and the digests alone say which images a commit changed.
 * Uncommitted changes to those sources add {@code -dirty}.
 */
final class SourceRevision {

    private SourceRevision() {
    }

    static String of(Path repository, List<String> sources) {
        String shallow;
        try {
            shallow = Commands.run(repository, List.of("git", "-C", repository.toString(), "rev-parse",
                    "--is-shallow-repository")).trim();
        } catch (RuntimeException notARepository) {
            return "unknown";
        }
        if (shallow.equals("true")) {
            // Without history every image's last commit looks like HEAD, and every commit would change
            // every digest.
            throw new IllegalStateException("images: " + repository + " is a shallow clone; the revision labels need its "
                    + "history (git fetch --unshallow)");
        }
        try {
            List<String> log = new ArrayList<>(List.of("git", "-C", repository.toString(), "log", "-1", "--format=%H", "--"));
            log.addAll(sources);
            String commit = Commands.run(repository, log).trim();
            if (commit.isEmpty()) {
                return "unknown";
            }
            List<String> status = new ArrayList<>(List.of("git", "-C", repository.toString(), "status", "--porcelain", "--"));
            status.addAll(sources);
            return Commands.run(repository, status).isBlank() ? commit : commit + "-dirty";
        } catch (RuntimeException notARepository) {
            return "unknown";
        }
    }
}
