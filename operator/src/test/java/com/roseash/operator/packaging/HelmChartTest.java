package com.roseash.operator.packaging;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.roseash.operator.testing.ControlPlane.Outcome;
import com.roseash.operator.testing.ControlPlane;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * helm/rose-ash-operator, with the Helm CLI (built from source by control-plane/build.sh) against the real
 * API server: lint, what it renders, install, upgrade and uninstall.
 */
class HelmChartTest {

    private static final ControlPlane PLANE = ControlPlane.shared();
    private static final Path CHART = Path.of("../helm/rose-ash-operator");
    private static final Path CRD = Path.of("../crds/roseashplatforms.rose-ash.com-v1.yml");
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void lintIsCleanWithTheDefaultsAndWithEveryOptionOn() {
        assertThat(helm("lint", CHART.toString(), "--strict")).satisfies(HelmChartTest::succeeded);
        Outcome everything = helm("lint", CHART.toString(), "--strict", "--set", "watchNamespaces={a,b}",
                "--set", "metrics.serviceMonitor.enabled=true", "--set", "image.digest=" + DIGEST, "--set", "logFormat=json");
        assertThat(everything).satisfies(HelmChartTest::succeeded);
        assertThat(everything.output()).contains("1 chart(s) linted, 0 chart(s) failed");
    }

    @Test
    void theChartInstallsTheCrdThatTheModelGenerates() throws Exception {
        assertThat(Files.readString(CHART.resolve("files/roseashplatforms.rose-ash.com-v1.yml")))
                .as("helm/rose-ash-operator/files holds crds/ as generated (copy it after regenerating)")
                .isEqualTo(Files.readString(CRD));
        CustomResourceDefinition rendered = only(template(List.of()), CustomResourceDefinition.class);
        CustomResourceDefinition generated = Serialization.unmarshal(Files.readString(CRD), CustomResourceDefinition.class);
        assertThat(rendered.getSpec()).isEqualTo(generated.getSpec());
        assertThat(rendered.getMetadata().getAnnotations()).as("uninstall leaves the CRD, and every platform, in place")
                .containsEntry("helm.sh/resource-policy", "keep");
    }

    @Test
    void whatItRendersIsAcceptedByTheApiServerInEveryShape() {
        String namespace = PLANE.newNamespace("helm-render");
        String watchedA = PLANE.newNamespace("helm-watched");
        String watchedB = PLANE.newNamespace("helm-watched");
        installCrd();
        for (List<String> values : List.of(List.<String>of(),
                List.of("--set", "watchNamespaces={" + watchedA + "," + watchedB + "}"),
                List.of("--set", "platform.enabled=true", "--set", "platform.spec.domain=coop.example",
                        "--set", "platform.spec.database.managed.storageSize=1Gi", "--set-json",
                                "platform.spec.redis={\"managed\":{}}",
                        "--api-versions", "rose-ash.com/v1alpha1/RoseAshPlatform"),
                List.of("--set", "image.digest=" + DIGEST, "--set", "replicaCount=1", "--set", "leaderElection.enabled=false"),
                List.of("--set", "serviceAccount.create=false", "--set", "serviceAccount.name=default", "--set",
                        "rbac.create=false"),
                List.of("--set", "metrics.service.enabled=false", "--set", "crds.enabled=false"))) {
            List<String> command = new ArrayList<>(List.of(PLANE.helm().toString(), "template", "rel", CHART.toString(),
                    "--namespace", namespace));
            command.addAll(values);
            Outcome rendered = PLANE.command(command, null);
            assertThat(rendered).as(values.toString()).satisfies(HelmChartTest::succeeded);
            Outcome applied = PLANE.command(List.of(PLANE.kubectl().toString(), "apply", "--dry-run=server", "-f", "-"),
                    rendered.output());
            assertThat(applied).as("server dry run of " + values).satisfies(HelmChartTest::succeeded);
        }
    }

    @Test
    void watchingNamespacesGivesARoleInEachAndNothingClusterWide() {
        List<HasMetadata> objects = template(List.of("--set", "watchNamespaces={shop,events}"));
        assertThat(objects).noneMatch(o -> o instanceof ClusterRole);
        assertThat(objects).filteredOn(o -> o instanceof Role && !o.getMetadata().getName().endsWith("-leader-election"))
                .extracting(o -> o.getMetadata().getNamespace()).containsExactly("shop", "events");
        Container operator = only(objects, Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(operator.getEnv()).filteredOn(e -> e.getName().equals("ROSE_ASH_OPERATOR_NAMESPACES"))
                .extracting(EnvVar::getValue).containsExactly("shop,events");
    }

    @Test
    void itsRbacAndDeploymentAreThoseOfThePlainManifests() throws Exception {
        List<HasMetadata> chart = template(List.of());
        List<HasMetadata> plain = load(Files.readString(Path.of("../manifests/operator/rbac.yaml"))
                + "\n---\n" + Files.readString(Path.of("../manifests/operator/deployment.yaml")));
        // RbacTest holds manifests/operator/rbac.yaml to what the reconciler's workflow needs.
        List<PolicyRule> chartRules = only(chart, ClusterRole.class).getRules();
        assertThat(chartRules).isEqualTo(only(plain, ClusterRole.class).getRules());

        Container fromChart = only(chart, Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
        Container fromManifest = only(plain, Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(fromChart.getEnv()).isEqualTo(fromManifest.getEnv());
        assertThat(fromChart.getPorts()).isEqualTo(fromManifest.getPorts());
        assertThat(fromChart.getLivenessProbe()).isEqualTo(fromManifest.getLivenessProbe());
        assertThat(fromChart.getReadinessProbe()).isEqualTo(fromManifest.getReadinessProbe());
        assertThat(fromChart.getStartupProbe()).isEqualTo(fromManifest.getStartupProbe());
        assertThat(fromChart.getSecurityContext()).isEqualTo(fromManifest.getSecurityContext());
        assertThat(fromChart.getResources()).isEqualTo(fromManifest.getResources());
        assertThat(only(chart, Deployment.class).getSpec().getTemplate().getSpec().getSecurityContext())
                .isEqualTo(only(plain, Deployment.class).getSpec().getTemplate().getSpec().getSecurityContext());
        assertThat(only(chart, Deployment.class).getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void theServiceMonitorScrapesTheMetricsService() {
        List<HasMetadata> objects = template(List.of("--set", "metrics.serviceMonitor.enabled=true",
                "--set", "metrics.serviceMonitor.labels.release=prometheus"));
        GenericKubernetesResource monitor = objects.stream().filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast).filter(o -> o.getKind().equals("ServiceMonitor")).findFirst()
                        .orElseThrow();
        Service metrics = only(objects, Service.class);
        @SuppressWarnings("unchecked")
        Map<String, String> selector = (Map<String, String>) ((Map<String, Object>) ((Map<String, Object>) monitor
                .getAdditionalProperties().get("spec")).get("selector")).get("matchLabels");
        assertThat(metrics.getMetadata().getLabels()).containsAllEntriesOf(selector);
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        assertThat(monitor.toString()).contains("port=admin").contains("path=/metrics");
        assertThat(metrics.getSpec().getPorts().getFirst().getName()).isEqualTo("admin");
    }

    @Test
    void valuesThatCannotWorkAreRefusedWithTheReason() {
        Map<List<String>, String> refusals = Map.of(
                List.of("--set", "image.digest=latest"), "image.digest must be sha256:<64 hex digits>, not \"latest\"",
                List.of("--set", "leaderElection.enabled=false"), "replicaCount above 1 needs leaderElection.enabled",
                List.of("--set", "watchNamespaces=shop"), "watchNamespaces must be a list of namespaces",
                List.of("--set", "metrics.serviceMonitor.enabled=true", "--set", "metrics.service.enabled=false"),
                "metrics.serviceMonitor.enabled needs metrics.service.enabled",
                List.of("--set", "platform.enabled=true", "--set", "platform.spec.domain=coop.example"),
                "platform.enabled needs the RoseAshPlatform CRD served by the cluster first",
                List.of("--set", "platform.enabled=true", "--api-versions", "rose-ash.com/v1alpha1/RoseAshPlatform"),
                "platform.spec.domain is required");
        refusals.forEach((values, reason) -> {
            List<String> command = new ArrayList<>(List.of("template", "rel", CHART.toString()));
            command.addAll(values);
            Outcome refused = helm(command.toArray(String[]::new));
            assertThat(refused.exit()).as(values.toString()).isNotZero();
            assertThat(refused.output()).as(values.toString()).contains(reason);
        });
    }

    @Test
    void installsUpgradesAndUninstallsLeavingTheCrd() {
        String namespace = "helm-release";
        installCrd();
        // The plane's CRD was applied with kubectl by other tests: Helm adopts it once it carries the
        // release's ownership, as when an admin moves from kubectl apply to Helm.
        try (KubernetesClient client = PLANE.newClient()) {
            client.apiextensions().v1().customResourceDefinitions().withName("roseashplatforms.rose-ash.com").edit(crd -> {
                crd.getMetadata().setLabels(new HashMap<>(Map.of("app.kubernetes.io/managed-by", "Helm")));
                crd.getMetadata().setAnnotations(new HashMap<>(Map.of("meta.helm.sh/release-name", "operator",
                        "meta.helm.sh/release-namespace", namespace)));
                return crd;
            });
        }

        Outcome installed = helm("install", "operator", CHART.toString(), "--namespace", namespace, "--create-namespace",
                "--set", "image.digest=" + DIGEST, "--wait", "--timeout", "3m");

        assertThat(installed).satisfies(HelmChartTest::succeeded);
        assertThat(installed.output()).as("NOTES say what to apply next")
                .contains("kubectl -n coop wait --for=condition=Ready rap/coop").contains("kind: RoseAshPlatform");
        try (KubernetesClient client = PLANE.newClient()) {
            Deployment deployment = client.apps().deployments().inNamespace(namespace).withName("operator-rose-ash-operator")
                    .get();
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                    .isEqualTo("ghcr.io/rose-ash/operator@" + DIGEST);
            assertThat(deployment.getStatus().getReadyReplicas()).isEqualTo(2);
        }

        Outcome upgraded = helm("upgrade", "operator", CHART.toString(), "--namespace", namespace, "--reuse-values",
                "--set", "logFormat=json", "--set", "replicaCount=3", "--wait", "--timeout", "3m");

        assertThat(upgraded).satisfies(HelmChartTest::succeeded);
        assertThat(helm("history", "operator", "--namespace", namespace).output()).contains("Install complete")
                .contains("Upgrade complete");
        // Once the CRD is served, the same release can hold a platform.
        assertThat(helm("upgrade", "operator", CHART.toString(), "--namespace", namespace, "--reuse-values",
                "--set", "platform.enabled=true", "--set", "platform.spec.domain=coop.example",
                "--set-json", "platform.spec.database={\"managed\":{}}", "--set-json", "platform.spec.redis={\"managed\":{}}"))
                .satisfies(HelmChartTest::succeeded);
        try (KubernetesClient client = PLANE.newClient()) {
            assertThat(client.genericKubernetesResources("rose-ash.com/v1alpha1", "RoseAshPlatform").inNamespace(namespace)
                    .withName("coop").get()).as("the platform from values").isNotNull();
        }
        try (KubernetesClient client = PLANE.newClient()) {
            Deployment deployment = client.apps().deployments().inNamespace(namespace).withName("operator-rose-ash-operator")
                    .get();
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
                    .filteredOn(e -> e.getName().equals("ROSE_ASH_OPERATOR_LOG_FORMAT")).extracting(EnvVar::getValue)
                    .containsExactly("json");
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                    .as("values reused").endsWith(DIGEST);
        }

        assertThat(helm("uninstall", "operator", "--namespace", namespace, "--wait")).satisfies(HelmChartTest::succeeded);
        try (KubernetesClient client = PLANE.newClient()) {
            assertThat(client.apps().deployments().inNamespace(namespace).withName("operator-rose-ash-operator").get()).isNull();
            assertThat(client.genericKubernetesResources("rose-ash.com/v1alpha1", "RoseAshPlatform").inNamespace(namespace)
                    .withName("coop").get()).as("kept, with its data: uninstalling the operator is not deleting a platform")
                            .isNotNull();
            client.genericKubernetesResources("rose-ash.com/v1alpha1", "RoseAshPlatform").inNamespace(namespace).withName("coop")
                    .delete();
            assertThat(client.apiextensions().v1().customResourceDefinitions().withName("roseashplatforms.rose-ash.com").get())
                    .as("kept").isNotNull();
        }
    }

    private static void installCrd() {
        assertThat(PLANE.command(List.of(PLANE.kubectl().toString(), "apply", "--server-side", "--force-conflicts",
                "-f", CRD.toString()), null)).satisfies(HelmChartTest::succeeded);
    }

    private static Outcome helm(String... arguments) {
        List<String> command = new ArrayList<>(List.of(PLANE.helm().toString()));
        command.addAll(List.of(arguments));
        return PLANE.command(command, null);
    }

    private static List<HasMetadata> template(List<String> values) {
        List<String> command = new ArrayList<>(List.of(PLANE.helm().toString(), "template", "rel", CHART.toString(),
                "--namespace", "rose-ash-system"));
        command.addAll(values);
        Outcome rendered = PLANE.command(command, null);
        assertThat(rendered).satisfies(HelmChartTest::succeeded);
        return load(rendered.output());
    }

    static List<HasMetadata> load(String yaml) {
        try (KubernetesClient client = PLANE.newClient()) {
            return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
        }
    }

    static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> matching = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).as(type.getSimpleName()).hasSize(1);
        return matching.getFirst();
    }

    static void succeeded(Outcome outcome) {
        assertThat(outcome.exit()).as(outcome.output()).isZero();
    }
}
