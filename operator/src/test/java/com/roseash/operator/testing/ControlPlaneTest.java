package com.roseash.operator.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The control plane the operator is tested against is real: the scheduler places pods, kwok runs them,
 * the controller-manager owns Deployments, ReplicaSets, Jobs and garbage collection, and the apiserver
 * enforces RBAC.
 */
class ControlPlaneTest {

    private final ControlPlane plane = ControlPlane.shared();

    @Test
    void aDeploymentGetsReadyPodsAndDeletingItCollectsItsReplicaSetsAndPods() {
        String namespace = plane.newNamespace("deployments");
        try (KubernetesClient client = plane.newClient()) {
            client.apps().deployments().inNamespace(namespace).resource(deployment("web", 2)).create();

            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                Deployment web = client.apps().deployments().inNamespace(namespace).withName("web").get();
                assertThat(web.getStatus().getReadyReplicas()).isEqualTo(2);
            });
            assertThat(client.pods().inNamespace(namespace).list().getItems())
                    .hasSize(2).allSatisfy(pod -> assertThat(pod.getSpec().getNodeName()).isEqualTo("kwok-node-0"));

            client.apps().deployments().inNamespace(namespace).withName("web").delete();

            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                assertThat(client.apps().replicaSets().inNamespace(namespace).list().getItems()).isEmpty();
                assertThat(client.pods().inNamespace(namespace).list().getItems()).isEmpty();
            });
        }
    }

    @Test
    void aJobRunsToCompletion() {
        String namespace = plane.newNamespace("jobs");
        try (KubernetesClient client = plane.newClient()) {
            client.batch().v1().jobs().inNamespace(namespace).resource(new JobBuilder()
                    .withNewMetadata().withName("migrate").endMetadata()
                    .withNewSpec().withBackoffLimit(0).withNewTemplate().withNewSpec().withRestartPolicy("Never")
                    .addNewContainer().withName("migrate").withImage("registry.test/rose-ash/migrate:1").endContainer()
                    .endSpec().endTemplate().endSpec().build()).create();

            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                Job job = client.batch().v1().jobs().inNamespace(namespace).withName("migrate").get();
                assertThat(job.getStatus().getConditions()).anySatisfy(condition -> {
                    assertThat(condition.getType()).isEqualTo("Complete");
                    assertThat(condition.getStatus()).isEqualTo("True");
                });
            });
        }
    }

    @Test
    void aJobRunningTheFailingImageFails() {
        String namespace = plane.newNamespace("failing-jobs");
        try (KubernetesClient client = plane.newClient()) {
            client.batch().v1().jobs().inNamespace(namespace).resource(new JobBuilder()
                    .withNewMetadata().withName("migrate").endMetadata()
                    .withNewSpec().withBackoffLimit(0).withNewTemplate().withNewSpec().withRestartPolicy("Never")
                    .addNewContainer().withName("migrate").withImage(ControlPlane.FAILING_MIGRATE_IMAGE).endContainer()
                    .endSpec().endTemplate().endSpec().build()).create();

            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                Job job = client.batch().v1().jobs().inNamespace(namespace).withName("migrate").get();
                assertThat(job.getStatus().getConditions()).anySatisfy(condition -> {
                    assertThat(condition.getType()).isEqualTo("Failed");
                    assertThat(condition.getStatus()).isEqualTo("True");
                });
            });
            assertThat(client.pods().inNamespace(namespace).list().getItems()).allSatisfy(pod -> {
                assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
                assertThat(pod.getStatus().getContainerStatuses().getFirst().getState().getTerminated().getExitCode())
                        .isEqualTo(1);
            });
        }
    }

    @Test
    void rbacRefusesAServiceAccountWithoutARole() {
        String namespace = plane.newNamespace("rbac");
        Config config = new ConfigBuilder(plane.config())
                .withImpersonateUsername("system:serviceaccount:" + namespace + ":nobody")
                .withImpersonateGroups("system:serviceaccounts")
                .build();
        try (KubernetesClient nobody = new KubernetesClientBuilder().withConfig(config).build()) {
            assertThatThrownBy(() -> nobody.pods().inNamespace(namespace).list())
                    .isInstanceOf(KubernetesClientException.class)
                    .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
        }
        try (KubernetesClient admin = plane.newClient()) {
            assertThat(admin.pods().inNamespace(namespace).list().getItems()).isEmpty();
        }
    }

    private static Deployment deployment(String name, int replicas) {
        Map<String, String> labels = Map.of("app", name);
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().withContainers(List.of(new ContainerBuilder()
                        .withName(name).withImage("registry.test/rose-ash/" + name + ":1").build()))
                .endSpec().endTemplate().endSpec().build();
    }
}
