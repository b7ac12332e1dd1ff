package com.roseash.images;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files a build writes to pin its digests, used the way docs/gitops.md says: a kustomize overlay of
 * a sample platform and of the operator's base, built by kubectl kustomize, names every image by this
 * build's digest. (NodeIT applies platform-images.yaml with kubectl patch on a real cluster.)
 */
class PinsIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("rose-ash.repository"));
    private static final BuiltImages BUILT = BuiltImages.ofThisBuild();

    @TempDir
    Path overlay;

    @Test
    void aKustomizeOverlayPinsThePlatformAndTheOperatorByDigest() throws Exception {
        Files.copy(BUILT.directory().resolve("platform-images.kustomize.yaml"),
                overlay.resolve("platform-images.kustomize.yaml"));
        String images = Files.readString(BUILT.directory().resolve("kustomize-images.yaml"));
        // Kustomize takes bases by relative path only.
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                resources:
                  - %s
                  - %s
                patches:
                  - path: platform-images.kustomize.yaml
                    target: {group: rose-ash.com, kind: RoseAshPlatform}
                %s""".formatted(overlay.relativize(REPOSITORY.resolve("manifests/samples/coop")),
                overlay.relativize(REPOSITORY.resolve("manifests/operator")),
                images.lines().filter(line -> !line.startsWith("#")).reduce("", (a, b) -> a + b + "\n")));

        List<JsonNode> objects = kustomize(overlay);

        JsonNode platform = objects.stream().filter(o -> o.path("kind").asText().equals("RoseAshPlatform")).findFirst()
                .orElseThrow();
        assertThat(platform.path("metadata").path("name").asText()).as("the sample's own name").isEqualTo("coop");
        assertThat(platform.path("spec").path("images").path("registry").asText()).as("the sample's own registry")
                .isEqualTo("registry.coop.example");
        for (var image : BUILT.digests().entrySet()) {
            if (!image.getKey().equals("base") && !image.getKey().equals("operator")) {
                assertThat(platform.path("spec").path("images").path("overrides").path(image.getKey()).path("digest").asText())
                        .as(image.getKey()).isEqualTo(image.getValue());
            }
        }
        JsonNode operator = objects.stream().filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        assertThat(operator.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText())
                .isEqualTo("ghcr.io/rose-ash/operator@" + BUILT.digests().get("operator"));
    }

    @Test
    void theHelmValuesNameTheOperatorByDigest() throws Exception {
        assertThat(Files.readString(BUILT.directory().resolve("helm-values.yaml")))
                .contains("repository: ghcr.io/rose-ash/operator").contains("digest: " + BUILT.digests().get("operator"));
    }

    private static List<JsonNode> kustomize(Path directory) throws Exception {
        Process build = new ProcessBuilder("bash", REPOSITORY.resolve("operator/control-plane/build.sh").toString())
                .redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(40, TimeUnit.MINUTES)).isTrue();
        assertThat(build.exitValue()).as(output).isZero();
        String binaries = output.strip().lines().toList().getLast();
        Process kustomize = new ProcessBuilder(Path.of(binaries, "kubectl").toString(), "kustomize", directory.toString())
                .redirectErrorStream(true).start();
        String yaml = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kustomize.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(kustomize.exitValue()).as(yaml).isZero();
        YAMLFactory factory = new YAMLFactory();
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = factory.createParser(yaml)) {
            new ObjectMapper(factory).readValues(parser, JsonNode.class).forEachRemaining(objects::add);
        }
        return objects;
    }
}
