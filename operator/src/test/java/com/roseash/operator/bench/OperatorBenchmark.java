package com.roseash.operator.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.roseash.operator.resource.RoseAshPlatform;
import com.roseash.operator.runtime.RoseAshOperator;
import com.roseash.operator.testing.ControlPlane;
import com.roseash.operator.testing.OperatorUnderTest;
import com.roseash.operator.testing.Platforms;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import static org.awaitility.Awaitility.await;

/**
 * The operator's benchmark (not a test), against the test control plane: seconds from apply to Ready
 * for 1 and for 20 platforms, against a baseline measured in the same run (the same count of bare Jobs
 * and Deployments run without the operator: the floor the control plane sets); write requests during no-op
 * resyncs; the operator's heap with 20 platforms. Bounded: every wait has a deadline.
 *
 * <pre>
 * cd operator && ../mvnw exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.roseash.operator.bench.OperatorBenchmark
 * </pre>
 */
public final class OperatorBenchmark {

    private static final int MANY = 20;

    private OperatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ControlPlane cluster = ControlPlane.shared();
        OperatorUnderTest.install();
        try (KubernetesClient admin = cluster.newClient()) {
            double baseline = bareWorkloadSeconds(admin, cluster.newNamespace("bench-baseline"), 1);
            double baselineMany = bareWorkloadSeconds(admin, cluster.newNamespace("bench-baseline-many"), MANY);
            long heapBefore = heapAfterGc();

            String namespace = cluster.newNamespace("bench");
            try (RoseAshOperator operator = OperatorUnderTest.start(Duration.ofSeconds(2), namespace)) {
                double one = applyAndAwaitReady(admin, namespace, List.of("single"));
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= MANY; i++) {
                    names.add("p%02d".formatted(i));
                }
                double many = applyAndAwaitReady(admin, namespace, names);

                // No-op resyncs: every platform Ready, nothing to change; count what the operator writes
                // once every platform has been reconciled once more (the last pod events handled).
                awaitReconciles(operator, operator.statistics().reconciles() + MANY + 1);
                long writes = operator.writes();
                long reconciles = operator.statistics().reconciles();
                awaitReconciles(operator, reconciles + 3L * (MANY + 1));
                long resyncs = operator.statistics().reconciles() - reconciles;
                long resyncWrites = operator.writes() - writes;
                long heap = heapAfterGc() - heapBefore;

                System.out.printf("%nbaseline: 1 Job + 6 bare Deployments done      %6.2f s%n", baseline);
                System.out.printf("baseline: %d Jobs + %d bare Deployments done   %6.2f s%n", MANY, 6 * MANY, baselineMany);
                System.out.printf("1 platform apply -> Ready                     %6.2f s  (%.1f x its baseline)%n", one,
                        one / baseline);
                System.out.printf("%d platforms apply -> all Ready                %6.2f s  "
                        + "(%.1f x its baseline, %.1f x one platform)%n", MANY, many, many / baselineMany, many / one);
                System.out.printf("no-op resync: %d reconciles, %d write requests%n", resyncs, resyncWrites);
                System.out.printf("operator heap with %d platforms (after GC)   %6.1f MiB%n", MANY + 1, heap / 1048576.0);
            }
        }
        System.exit(0);
    }

    /**
     * What a platform asks of the control plane without the operator: per platform a Job and six
     * one-replica Deployments (its services), applied at once; seconds until every Job completed
     * and every Deployment is available.
     */
    private static double bareWorkloadSeconds(KubernetesClient admin, String namespace, int platforms) {
        long start = System.nanoTime();
        for (int p = 0; p < platforms; p++) {
            admin.batch().v1().jobs().inNamespace(namespace).resource(new JobBuilder().withNewMetadata().withName("job-" + p)
                    .endMetadata().withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never")
                    .addNewContainer().withName("job").withImage("registry.test/job:1").endContainer().endSpec().endTemplate()
                    .endSpec().build()).create();
            for (int d = 0; d < 6; d++) {
                String name = "bare-" + p + "-" + d;
                admin.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                        .withNewMetadata().withName(name).endMetadata().withNewSpec().withReplicas(1)
                        .withNewSelector().addToMatchLabels("app", name).endSelector()
                        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                        .withNewSpec().addNewContainer().withName("bare").withImage("registry.test/bare:1").endContainer()
                                .endSpec()
                        .endTemplate().endSpec().build()).create();
            }
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                admin.batch().v1().jobs().inNamespace(namespace).list().getItems().stream()
                        .filter(j -> j.getStatus() != null && Integer.valueOf(1).equals(j.getStatus().getSucceeded()))
                                .count() == platforms
                && admin.apps().deployments().inNamespace(namespace).list().getItems().stream()
                        .filter(d -> d.getStatus() != null && Integer.valueOf(1).equals(d.getStatus().getAvailableReplicas()))
                        .count() == 6L * platforms);
        return (System.nanoTime() - start) / 1e9;
    }

    private static double applyAndAwaitReady(KubernetesClient admin, String namespace, List<String> names) {
        long start = System.nanoTime();
        for (String name : names) {
            admin.resource(Platforms.external(admin, namespace, name, "")).create();
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                admin.resources(RoseAshPlatform.class).inNamespace(namespace).list().getItems().stream()
                        .filter(p -> names.contains(p.getMetadata().getName()) && Platforms.isTrue(p, "Ready"))
                                .count() == names.size());
        return (System.nanoTime() - start) / 1e9;
    }

    private static void awaitReconciles(RoseAshOperator operator, long count) {
        await().atMost(Duration.ofMinutes(1)).until(() -> operator.statistics().reconciles() >= count);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
