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

    /**
     * Only the digests: a platform keeps its own registry (where the admin pushed these images), and
     * pulls each image from there by this build's digest.
     */
    static void write(Path out, List<Built> images) {
        StringBuilder digests = new StringBuilder();
        StringBuilder pins = new StringBuilder("    overrides:\n");
        for (Built image : images) {
            digests.append(image.name()).append(' ').append(image.digest()).append(' ').append(image.reference()).append('\n');
            if (!NOT_IN_A_PLATFORM.contains(image.name())) {
                pins.append("      ").append(image.name()).append(":\n        digest: ").append(image.digest()).append('\n');
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
        String mergePatch = """
                # spec.images of a RoseAshPlatform pinning every image of this build by digest:
                #   kubectl patch rap NAME --type merge --patch-file platform-images.yaml
                # Only the Deployments whose digest changed roll.
                spec:
                  images:
                """ + pins;
        String kustomizePatch = """
                # The same pins as a kustomize patch of every RoseAshPlatform of a kustomization:
                #   patches: [{path: platform-images.kustomize.yaml, target: {group: rose-ash.com, kind: RoseAshPlatform}}]
                # (kustomize puts the target's name in place of this one).
                apiVersion: rose-ash.com/v1alpha1
                kind: RoseAshPlatform
                metadata:
                  name: pinned-images
                spec:
                  images:
                """ + pins;
        try {
            Files.writeString(out.resolve("digests.txt"), digests);
            Files.writeString(out.resolve("platform-images.yaml"), mergePatch);
            Files.writeString(out.resolve("platform-images.kustomize.yaml"), kustomizePatch);
            Files.writeString(out.resolve("kustomize-images.yaml"), kustomize);
            Files.writeString(out.resolve("helm-values.yaml"), helm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
