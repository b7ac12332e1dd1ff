package com.roseash.operator.packaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.roseash.operator.resource.RoseAshPlatform;
import com.roseash.operator.testing.ControlPlane;
import com.roseash.operator.testing.ControlPlane.Outcome;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import static com.roseash.operator.packaging.HelmChartTest.load;
import static com.roseash.operator.packaging.HelmChartTest.only;
import static org.assertj.core.api.Assertions.assertThat;

/** manifests/ for GitOps: the operator's kustomize base and each sample overlay, built by kubectl kustomize. */
class KustomizeTest {

    private static final ControlPlane PLANE = ControlPlane.shared();

    @Test
    void theOperatorBaseHoldsTheGeneratedCrdAndTheChartsVersionAndIsAccepted() throws Exception {
        String built = kustomize("../manifests/operator");
        List<HasMetadata> objects = load(built);

        CustomResourceDefinition crd = only(objects, CustomResourceDefinition.class);
        assertThat(crd.getSpec()).isEqualTo(Serialization.unmarshal(
                Files.readString(Path.of("../crds/roseashplatforms.rose-ash.com-v1.yml")), CustomResourceDefinition.class)
                        .getSpec());
        String appVersion = Files.readAllLines(Path.of("../helm/rose-ash-operator/Chart.yaml")).stream()
                .filter(line -> line.startsWith("appVersion:")).findFirst().orElseThrow().split("\"")[1];
        assertThat(only(objects, Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .as("the base's image tag is the chart's appVersion").isEqualTo("ghcr.io/rose-ash/operator:" + appVersion);
        assertThat(only(objects, Namespace.class).getMetadata().getName()).isEqualTo("rose-ash-system");

        accepted(built);
    }

    @Test
    void everySampleOverlayBuildsAPlatformTheApiServerAccepts() throws Exception {
        // The samples' RoseAshPlatforms are checked against the real CRD, so it must be served.
        assertThat(PLANE.command(List.of(PLANE.kubectl().toString(), "apply", "--server-side", "--force-conflicts",
                "-f", "../crds/roseashplatforms.rose-ash.com-v1.yml"), null)).satisfies(HelmChartTest::succeeded);
        PLANE.command(List.of(PLANE.kubectl().toString(), "wait", "--for=condition=Established",
                "crd/roseashplatforms.rose-ash.com", "--timeout=60s"), null);
        List<Path> overlays;
        try (var dirs = Files.list(Path.of("../manifests/samples"))) {
            overlays = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(overlays).extracting(p -> p.getFileName().toString()).contains("coop", "external");
        for (Path overlay : overlays) {
            String built = kustomize(overlay.toString());
            List<HasMetadata> objects = load(built);
            RoseAshPlatform platform = Serialization.unmarshal(Serialization.asYaml(objects.stream()
                    .filter(o -> o.getKind().equals("RoseAshPlatform")).findFirst().orElseThrow()), RoseAshPlatform.class);
            assertThat(platform.getMetadata().getNamespace()).as(overlay.toString())
                    .isEqualTo(only(objects, Namespace.class).getMetadata().getName());
            accepted(built);
        }
    }

    private static String kustomize(String directory) {
        Outcome built = PLANE.command(List.of(PLANE.kubectl().toString(), "kustomize", directory), null);
        assertThat(built).satisfies(HelmChartTest::succeeded);
        return built.output();
    }

    /**
     * A server-side dry run: every object checked by the real API server (schemas, CEL rules, admission)
     * and nothing stored. A dry-run Namespace is not created, so the namespaces are made for real first.
     */
    private static void accepted(String manifests) {
        for (HasMetadata object : load(manifests)) {
            if (object instanceof Namespace namespace) {
                PLANE.command(List.of(PLANE.kubectl().toString(), "create", "namespace", namespace.getMetadata().getName()),
                        null);
            }
        }
        Outcome applied = PLANE.command(List.of(PLANE.kubectl().toString(), "apply", "--dry-run=server", "-f", "-"), manifests);
        assertThat(applied).satisfies(HelmChartTest::succeeded);
    }
}
