package com.roseash.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.roseash.images.Build.Built;

/**
 * What replaces the original CI's guess at which apps changed: the build prints every image's digest
 * and writes the files that pin them, so a cluster runs exactly these images and the operator rolls
 * only the Deployments whose digest moved.
 */
final class Pins {

    /** Images a RoseAshPlatform names (spec.images.overrides keys); the base and the operator are not among them. */
    private static final Set<String> NOT_IN_A_PLATFORM = Set.of("base", "operator");

    private Pins() {
    }

    static void write(Path out, String registry, List<Built> images) {
        StringBuilder digests = new StringBuilder();
        StringBuilder platform = new StringBuilder("""
                # spec.images of a RoseAshPlatform pinning every image of this build by digest. Merge it into a
                # platform: kubectl patch rap NAME --type merge --patch-file platform-images.yaml, or as a
                # kustomize patch. Only Deployments whose digest changed roll.
                spec:
                  images:
                """);
        platform.append("    registry: ").append(registry).append('\n');
        platform.append("    overrides:\n");
        for (Built image : images) {
            digests.append(image.name()).append(' ').append(image.digest()).append(' ').append(image.reference()).append('\n');
            if (!NOT_IN_A_PLATFORM.contains(image.name())) {
                platform.append("      ").append(image.name()).append(":\n        digest: ").append(image.digest()).append('\n');
            }
        }
        Built operator = images.stream().filter(image -> image.name().equals("operator")).findFirst().orElseThrow();
        String repository = operator.reference().substring(0, operator.reference().lastIndexOf(':'));
        String kustomize = """
                # The operator's image by digest, for a kustomization.yaml (the images: transformer).
                images:
                  - name: %s
                    digest: %s
                """.formatted(repository, operator.digest());
        String helm = """
                # The operator's image by digest, for helm install -f.
                image:
                  repository: %s
                  digest: %s
                """.formatted(repository, operator.digest());
        try {
            Files.writeString(out.resolve("digests.txt"), digests);
            Files.writeString(out.resolve("platform-images.yaml"), platform);
            Files.writeString(out.resolve("kustomize-images.yaml"), kustomize);
            Files.writeString(out.resolve("helm-values.yaml"), helm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
