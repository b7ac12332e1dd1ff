package com.roseash.operator.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.roseash.contract.ServiceName;
import com.roseash.contract.Sockets;
import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.desired.ServiceWorkloads;
import com.roseash.operator.resource.PlatformStatus;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The status from what was observed; the control-plane tests show the same against a real cluster. */
class StatusReportTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-25T10:05:00Z");
    static final PlatformView PLATFORM = PlatformView.of(Serialization.unmarshal("""
            apiVersion: rose-ash.com/v1alpha1
            kind: RoseAshPlatform
            metadata: {name: coop, namespace: shop}
            spec:
              domain: coop.example
              images: {registry: registry.test, tag: "1.0.0"}
              database: {external: {name: db}}
              redis: {external: {name: redis}}
            """, RoseAshPlatform.class));

    @Test
    void observingTheSameThingTwiceGivesAnEqualStatusWithTheFirstTransitionTimes() {
        Observed observed = new Observed(Optional.of(job("Complete")), rolledOut(), Optional.empty(), Optional.empty(), Map.of());

        PlatformStatus first = StatusReport.of(PLATFORM, 4, observed, null, T0);
        PlatformStatus second = StatusReport.of(PLATFORM, 4, observed, roundTrip(first), T1);

        assertThat(second).isEqualTo(roundTrip(first));
        assertThat(condition(second, "Ready").getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(second.readyServices()).isEqualTo("6/6");
    }

    @Test
    void aConditionThatChangesGetsANewTransitionTimeAndTheOthersKeepTheirs() {
        PlatformStatus ready = StatusReport.of(PLATFORM, 4,
                new Observed(Optional.of(job("Complete")), rolledOut(), Optional.empty(), Optional.empty(), Map.of()), null, T0);

        PlatformStatus failed = StatusReport.of(PLATFORM, 5,
                new Observed(Optional.of(job("Failed")), rolledOut(), Optional.empty(), Optional.empty(), Map.of()), ready, T1);

        assertThat(condition(failed, "Degraded").getStatus()).isEqualTo("True");
        assertThat(condition(failed, "Degraded").getReason()).isEqualTo("MigrationsFailed");
        assertThat(condition(failed, "Degraded").getMessage())
                .contains("BackoffLimitExceeded: Job has reached the specified backoff limit");
        assertThat(condition(failed, "Degraded").getLastTransitionTime()).isEqualTo("2026-11-25T10:05:00Z");
        assertThat(condition(failed, "Progressing").getLastTransitionTime()).as("False before and after")
                .isEqualTo("2026-11-25T10:00:00Z");
        assertThat(failed.conditions()).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(5L));
    }

    @Test
    void aFailedReconcileKeepsWhatWasObservedAndARetryThatFailsAlikeChangesNothing() {
        PlatformStatus ready = roundTrip(StatusReport.of(PLATFORM, 4,
                new Observed(Optional.of(job("Complete")), rolledOut(), Optional.empty(), Optional.empty(), Map.of()), null, T0));

        PlatformStatus failed = roundTrip(StatusReport.failed(ready, 5, "deployments: coop-cart is invalid", T1));
        PlatformStatus retried = StatusReport.failed(failed, 5, "deployments: coop-cart is invalid", T1.plusSeconds(30));

        assertThat(condition(failed, "Degraded").getReason()).isEqualTo("ReconcileFailed");
        assertThat(failed.observedGeneration()).as("the generation that failed was observed").isEqualTo(5L);
        assertThat(condition(failed, "Degraded").getMessage()).isEqualTo("deployments: coop-cart is invalid");
        assertThat(condition(failed, "Ready").getStatus()).as("the last observation stays").isEqualTo("True");
        assertThat(failed.services()).isEqualTo(ready.services());
        assertThat(retried).isEqualTo(failed);
    }

    @Test
    void whileMigrationsRunTheRolloutIsProgressingAndNotReady() {
        PlatformStatus status = StatusReport.of(PLATFORM, 1,
                new Observed(Optional.of(new JobBuilder().withNewMetadata().withName("j").endMetadata()
                        .withNewStatus().withActive(1).endStatus().build()),
                        Map.of(), Optional.empty(), Optional.empty(), Map.of()), null, T0);

        assertThat(condition(status, "Ready").getReason()).isEqualTo("MigrationsRunning");
        assertThat(condition(status, "Progressing").getStatus()).isEqualTo("True");
        assertThat(condition(status, "MigrationsComplete").getStatus()).isEqualTo("False");
        assertThat(status.readyServices()).isEqualTo("0/6");
        assertThat(status.urls()).containsEntry("events", "https://events.coop.example/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ErrImagePull", "ImagePullBackOff"})
    void anImageThatCannotBePulledIsNamedAndDegradesThePlatformOnceThePodWaitedLong(String kubeletReason) {
        Pod pod = pod("blog", "Pending", waiting("blog", kubeletReason, "registry.test/rose-ash/blog:1.0.0: not found"));

        PlatformStatus status = StatusReport.of(PLATFORM, 4, notReady("blog", List.of(pod)), null, T0);

        assertThat(condition(status, "Ready")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("ImagePullFailed");
            assertThat(c.getMessage()).isEqualTo("blog: image registry.test/rose-ash/blog:1.0.0 cannot be pulled");
        });
        assertThat(condition(status, "Degraded").getStatus()).as("waiting will not mend it").isEqualTo("True");
        assertThat(condition(status, "Degraded").getReason()).isEqualTo("ImagePullFailed");
        assertThat(condition(status, "Progressing").getStatus()).as("the Deployment is still within its deadline")
                .isEqualTo("True");
        assertThat(condition(status, "Progressing").getReason()).isEqualTo("RollingOut");
        assertThat(status.services().get("blog").reason()).isEqualTo("ImagePullFailed");
        assertThat(status.services().get("blog").message())
                .startsWith("image registry.test/rose-ash/blog:1.0.0 cannot be pulled");
        assertThat(status.services().get("cart").reason()).isNull();
        assertThat(status.readyServices()).isEqualTo("5/6");
    }

    @Test
    void anInvalidImageNameIsStuckAtOnceWithTheKubeletsMessage() {
        Pod pod = young(pod("blog", "Pending", waiting("blog", "InvalidImageName", "couldn't parse image reference")));

        PlatformStatus status = StatusReport.of(PLATFORM, 4, notReady("blog", List.of(pod)), null, T0);

        assertThat(condition(status, "Ready").getMessage()).isEqualTo("blog: image registry.test/rose-ash/blog:1.0.0 "
                + "cannot be pulled: InvalidImageName: couldn't parse image reference");
        assertThat(condition(status, "Degraded").getStatus()).isEqualTo("True");
    }

    @Test
    void aPodThatJustStartedWaitingForItsImageOrConfigurationIsNotYetDegraded() {
        for (ContainerStatus waiting : List.of(waiting("blog", "ErrImagePull", "registry unavailable"),
                waiting("blog", "CreateContainerConfigError", "secret \"coop-db\" not found"))) {
            Pod pod = young(pod("blog", "Pending", waiting));

            PlatformStatus status = StatusReport.of(PLATFORM, 4, notReady("blog", List.of(pod)), null, T0);

            assertThat(condition(status, "Ready").getReason()).as(waiting.getState().getWaiting().getReason())
                    .isIn("ImagePullFailed", "ConfigError");
            assertThat(condition(status, "Degraded").getStatus()).as("a registry hiccup or a Secret applied a moment later")
                    .isEqualTo("False");
        }
    }

    @Test
    void anImagePullThatAlternatesBetweenTheKubeletsTwoReasonsWritesTheStatusOnce() {
        PlatformStatus first = roundTrip(StatusReport.of(PLATFORM, 4, notReady("blog",
                List.of(pod("blog", "Pending", waiting("blog", "ErrImagePull", "rpc error: not found")))), null, T0));
        PlatformStatus again = StatusReport.of(PLATFORM, 4, notReady("blog",
                List.of(pod("blog", "Pending", waiting("blog", "ImagePullBackOff", "Back-off pulling image")))), first, T1);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void aCrashLoopIsNamedWithTheLastTerminationsExitCodeAndReason() {
        Pod error = pod("blog", "Running", crashLoop("blog", 1, "Error", null));
        Pod oomKilled = pod("blog", "Running", crashLoop("blog", 137, "OOMKilled", null));

        PlatformStatus exited = StatusReport.of(PLATFORM, 4, notReady("blog", List.of(error)), null, T0);
        PlatformStatus killed = StatusReport.of(PLATFORM, 4, notReady("blog", List.of(oomKilled)), null, T0);

        assertThat(condition(exited, "Ready").getReason()).isEqualTo("CrashLooping");
        assertThat(condition(exited, "Ready").getMessage()).isEqualTo("blog: container blog restarts (exit 1, Error)");
        assertThat(condition(exited, "Degraded").getStatus()).isEqualTo("True");
        assertThat(condition(exited, "Degraded").getReason()).isEqualTo("CrashLooping");
        assertThat(condition(killed, "Ready").getMessage()).isEqualTo("blog: container blog restarts (exit 137, OOMKilled)");
    }

    @Test
    void aContainerThatRunsButStaysUnreadyIsNamedProbeFailingOnceItHadTimeToPassItsProbe() {
        Pod started = pod("blog", "Running", running("blog", T0.minusSeconds(5)));
        Pod failing = pod("blog", "Running", running("blog", T0.minus(NotReadyCause.PROBE_GRACE).minusSeconds(1)));

        PlatformStatus justStarted = StatusReport.of(PLATFORM, 4, notReady("blog", List.of(started)), null, T0);
        PlatformStatus probeFailing = StatusReport.of(PLATFORM, 4, notReady("blog", List.of(failing)), null, T0);

        assertThat(condition(justStarted, "Ready").getReason()).isEqualTo("RollingOut");
        assertThat(condition(justStarted, "Ready").getMessage()).isEqualTo("waiting for blog");
        assertThat(condition(probeFailing, "Ready").getReason()).isEqualTo("ProbeFailing");
        assertThat(condition(probeFailing, "Ready").getMessage()).isEqualTo("blog: container blog runs but is not ready: "
                + "its readiness probe (GET " + Sockets.READINESS_PATH + " on port admin) fails");
        assertThat(condition(probeFailing, "Degraded").getStatus()).as("it may yet pass").isEqualTo("False");
    }

    @Test
    void aContainerThatCannotBeConfiguredIsAConfigError() {
        Pod pod = pod("blog", "Pending", waiting("blog", "CreateContainerConfigError",
                "couldn't find key session-secret in Secret shop/coop-secrets"));

        PlatformStatus status = StatusReport.of(PLATFORM, 4, notReady("blog", List.of(pod)), null, T0);

        assertThat(condition(status, "Ready").getReason()).isEqualTo("ConfigError");
        assertThat(condition(status, "Ready").getMessage()).isEqualTo("blog: container blog cannot be configured: "
                + "CreateContainerConfigError: couldn't find key session-secret in Secret shop/coop-secrets");
        assertThat(condition(status, "Degraded").getReason()).isEqualTo("ConfigError");
    }

    @Test
    void aPodNoNodeCanTakeIsUnschedulableWithTheSchedulersMessage() {
        Pod pod = new PodBuilder(pod("blog", "Pending")).editStatus().addNewCondition().withType("PodScheduled")
                .withStatus("False").withReason("Unschedulable").withMessage("0/1 nodes are available: 1 Insufficient memory.")
                .endCondition()
                .endStatus().build();

        PlatformStatus status = StatusReport.of(PLATFORM, 4, notReady("blog", List.of(pod)), null, T0);

        assertThat(condition(status, "Ready").getReason()).isEqualTo("Unschedulable");
        assertThat(condition(status, "Ready").getMessage())
                .isEqualTo("blog: pod cannot be scheduled: 0/1 nodes are available: 1 Insufficient memory.");
        assertThat(condition(status, "Degraded").getStatus()).as("a node may come").isEqualTo("False");
    }

    @Test
    void aRolloutPastItsProgressDeadlineStopsProgressingAndDegrades() {
        DeploymentCondition deadline = deadlineExceeded();

        PlatformStatus status = StatusReport.of(PLATFORM, 4, notReady("blog", List.of(), deadline), null, T0);

        assertThat(condition(status, "Ready").getReason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(condition(status, "Ready").getMessage()).isEqualTo("blog: rollout stopped: ProgressDeadlineExceeded: "
                + "ReplicaSet \"coop-blog-5d9c7\" has timed out progressing.");
        assertThat(condition(status, "Progressing").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Progressing").getReason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(condition(status, "Degraded").getReason()).isEqualTo("ProgressDeadlineExceeded");
    }

    @Test
    void podsThatSayWhyKeepTheirReasonPastTheDeadlineAndTheRolloutCountsAsStuck() {
        DeploymentCondition deadline = deadlineExceeded();
        Pod failing = pod("blog", "Running", running("blog", T0.minusSeconds(900)));

        PlatformStatus status = StatusReport.of(PLATFORM, 4, notReady("blog", List.of(failing), deadline), null, T0);

        assertThat(condition(status, "Ready").getReason()).isEqualTo("ProbeFailing");
        assertThat(condition(status, "Ready").getMessage()).endsWith("fails (progress deadline exceeded)");
        assertThat(condition(status, "Degraded").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Progressing").getReason()).isEqualTo("ProgressDeadlineExceeded");
    }

    @Test
    void aReplicaSetThatCannotCreatePodsIsAReplicaFailure() {
        DeploymentCondition failure = new DeploymentConditionBuilder().withType("ReplicaFailure").withStatus("True")
                .withReason("FailedCreate").withMessage("pods \"coop-blog-5d9c7-x2x4q\" is forbidden: exceeded quota: compute, "
                        + "requested: requests.memory=256Mi, used: requests.memory=1Gi, limited: requests.memory=1Gi").build();

        PlatformStatus status = StatusReport.of(PLATFORM, 4, notReady("blog", List.of(), failure), null, T0);

        assertThat(condition(status, "Ready").getReason()).isEqualTo("ReplicaFailure");
        assertThat(condition(status, "Ready").getMessage())
                .startsWith("blog: cannot create pods: FailedCreate: pods \"coop-blog-5d9c7-x2x4q\" is forbidden: "
                        + "exceeded quota: compute");
        assertThat(condition(status, "Degraded").getReason()).isEqualTo("ReplicaFailure");
    }

    @Test
    void podsAreConsultedOnlyForAServiceThatIsNotReady() {
        Map<String, Deployment> deployments = rolledOut();
        deployments.put("cart", notRolledOut("cart"));
        Pod crashingButServiceReady = pod("blog", "Running", crashLoop("blog", 1, "Error", null));
        Pod cartStarting = pod("cart", "Pending", waiting("cart", "ContainerCreating", null));

        assertThat(StatusReport.notRolledOut(PLATFORM, deployments)).as("whose pods the reconciler reads")
                .containsExactly("cart");
        PlatformStatus status = StatusReport.of(PLATFORM, 4,
                migrated(deployments, Map.of("blog", List.of(crashingButServiceReady), "cart", List.of(cartStarting))), null, T0);

        assertThat(status.services().get("blog").reason()).as("blog rolled out: its pods are not read").isNull();
        assertThat(condition(status, "Ready").getReason()).isEqualTo("RollingOut");
        assertThat(condition(status, "Ready").getMessage()).isEqualTo("waiting for cart");
        assertThat(condition(status, "Degraded").getStatus()).isEqualTo("False");
    }

    @Test
    void severalFailingServicesAreEachNamedWithTheirCauseTheWorstGivingTheReason() {
        Map<String, Deployment> deployments = rolledOut();
        for (String service : List.of("blog", "cart", "events", "account")) {
            deployments.put(service, notRolledOut(service));
        }
        Map<String, List<Pod>> pods = Map.of(
                "blog", List.of(pod("blog", "Running", running("blog", T0.minusSeconds(600)))),
                "cart", List.of(pod("cart", "Running", crashLoop("cart", 1, "Error", "relation \"cart_items\" does not exist"))),
                "events", List.of(pod("events", "Pending", waiting("events", "ImagePullBackOff", "Back-off pulling image"))),
                "account", List.of());

        PlatformStatus status = StatusReport.of(PLATFORM, 4, migrated(deployments, pods), null, T0);

        assertThat(condition(status, "Ready").getReason()).isEqualTo("ImagePullFailed");
        assertThat(condition(status, "Ready").getMessage()).isEqualTo(
                "blog: container blog runs but is not ready: its readiness probe (GET " + Sockets.READINESS_PATH
                        + " on port admin) fails; "
                        + "cart: container cart restarts (exit 1, Error): relation \"cart_items\" does not exist; "
                        + "events: image registry.test/rose-ash/events:1.0.0 cannot be pulled; waiting for account");
        assertThat(condition(status, "Degraded").getReason()).isEqualTo("ImagePullFailed");
        assertThat(condition(status, "Degraded").getMessage()).as("the stuck ones only").isEqualTo(
                "cart: container cart restarts (exit 1, Error): relation \"cart_items\" does not exist; "
                        + "events: image registry.test/rose-ash/events:1.0.0 cannot be pulled");
        assertThat(status.readyServices()).isEqualTo("2/6");
    }

    @Test
    void messagesFromTheClusterAreBoundedAndTheConditionsToo() {
        Map<String, Deployment> deployments = rolledOut();
        Map<String, List<Pod>> pods = new TreeMap<>();
        for (String service : ServiceName.ids()) {
            deployments.put(service, notRolledOut(service));
            String kubeletSays = "x".repeat(5000) + "\nsecond line";
            pods.put(service, List.of(pod(service, "Pending", waiting(service, "CreateContainerConfigError", kubeletSays))));
        }

        PlatformStatus status = StatusReport.of(PLATFORM, 4, migrated(deployments, pods), null, T0);

        assertThat(status.services().get("blog").message()).hasSizeLessThan(NotReadyCause.DETAIL_LIMIT + 100)
                .doesNotContain("\n");
        assertThat(status.conditions())
                .allSatisfy(c -> assertThat(c.getMessage()).hasSizeLessThanOrEqualTo(StatusReport.MESSAGE_LIMIT));
        assertThat(condition(status, "Ready").getMessage()).startsWith("blog: container blog cannot be configured").endsWith("…");
    }

    @Test
    void aBrokenPlatformObservedAgainGivesAnEqualStatusSoPollingItWritesNothing() {
        Observed observed = notReady("blog", List.of(pod("blog", "Running", crashLoop("blog", 1, "Error", "boom"))));

        PlatformStatus first = roundTrip(StatusReport.of(PLATFORM, 4, observed, null, T0));
        PlatformStatus again = StatusReport.of(PLATFORM, 4, observed, first, T1);

        assertThat(again).isEqualTo(first);
    }

    /** Migrations done, every service rolled out but the one given, whose Deployment has these conditions and pods. */
    static Observed notReady(String service, List<Pod> pods, DeploymentCondition... conditions) {
        Map<String, Deployment> deployments = rolledOut();
        deployments.put(service, notRolledOut(service, conditions));
        return migrated(deployments, Map.of(service, pods));
    }

    /** Migrations done, these Deployments and pods observed; external database and Redis. */
    static Observed migrated(Map<String, Deployment> deployments, Map<String, List<Pod>> pods) {
        return new Observed(Optional.of(job("Complete")), deployments, Optional.empty(), Optional.empty(), pods);
    }

    static DeploymentCondition deadlineExceeded() {
        return new DeploymentConditionBuilder().withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded")
                .withMessage("ReplicaSet \"coop-blog-5d9c7\" has timed out progressing.").build();
    }

    /** A Deployment whose one replica is not ready. */
    static Deployment notRolledOut(String service, DeploymentCondition... conditions) {
        Deployment deployment = ServiceWorkloads.deployment(PLATFORM, service, PLATFORM.image(service));
        deployment.getMetadata().setGeneration(2L);
        deployment.setStatus(new DeploymentStatusBuilder().withObservedGeneration(2L).withReplicas(1).withUpdatedReplicas(1)
                .withReadyReplicas(0).withAvailableReplicas(0).withUnavailableReplicas(1).withConditions(conditions).build());
        return deployment;
    }

    /** A pod of the service's Deployment, as the API server returns it. */
    static Pod pod(String service, String phase, ContainerStatus... containers) {
        Deployment deployment = ServiceWorkloads.deployment(PLATFORM, service, PLATFORM.image(service));
        return new PodBuilder().withNewMetadata().withName(PLATFORM.child(service) + "-5d9c7-x2x4q")
                .withNamespace(PLATFORM.namespace()).withLabels(Labels.of(PLATFORM, service)).endMetadata()
                .withSpec(deployment.getSpec().getTemplate().getSpec())
                .withNewStatus().withPhase(phase).withContainerStatuses(containers).endStatus().build();
    }

    /** The pod, created a moment before {@code T0}: within {@link NotReadyCause#STUCK_GRACE}. */
    static Pod young(Pod pod) {
        pod.getMetadata().setCreationTimestamp(T0.minusSeconds(10).toString());
        return pod;
    }

    static ContainerStatus waiting(String service, String reason, String message) {
        return new ContainerStatusBuilder().withName(service).withImage(PLATFORM.image(service)).withReady(false)
                .withRestartCount(0)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState().build();
    }

    static ContainerStatus crashLoop(String service, int exitCode, String reason, String message) {
        return new ContainerStatusBuilder(waiting(service, "CrashLoopBackOff",
                "back-off 40s restarting failed container=" + service + " pod=" + PLATFORM.child(service) + "-5d9c7-x2x4q"))
                .withRestartCount(3).withNewLastState().withNewTerminated().withExitCode(exitCode).withReason(reason)
                .withMessage(message).endTerminated().endLastState().build();
    }

    static ContainerStatus running(String service, Instant since) {
        return new ContainerStatusBuilder().withName(service).withImage(PLATFORM.image(service)).withReady(false)
                .withRestartCount(0).withStarted(true)
                .withNewState().withNewRunning().withStartedAt(since.toString()).endRunning().endState().build();
    }

    static Map<String, Deployment> rolledOut() {
        Map<String, Deployment> deployments = new TreeMap<>();
        for (String service : ServiceName.ids()) {
            Deployment deployment = ServiceWorkloads.deployment(PLATFORM, service, PLATFORM.image(service));
            deployment.getMetadata().setGeneration(2L);
            deployment.setStatus(new DeploymentStatusBuilder().withObservedGeneration(2L).withReplicas(1).withUpdatedReplicas(1)
                    .withReadyReplicas(1).withAvailableReplicas(1).build());
            deployments.put(service, deployment);
        }
        return deployments;
    }

    static Job job(String condition) {
        return new JobBuilder().withNewMetadata().withName("coop-migrate-x").endMetadata().withNewStatus()
                .addNewCondition().withType(condition).withStatus("True")
                .withReason(condition.equals("Failed") ? "BackoffLimitExceeded" : null)
                .withMessage(condition.equals("Failed") ? "Job has reached the specified backoff limit" : null)
                .endCondition().endStatus().build();
    }

    /** As the status comes back from the API server. */
    private static PlatformStatus roundTrip(PlatformStatus status) {
        return Serialization.unmarshal(Serialization.asJson(status), PlatformStatus.class);
    }

    private static Condition condition(PlatformStatus status, String type) {
        return status.conditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }
}
