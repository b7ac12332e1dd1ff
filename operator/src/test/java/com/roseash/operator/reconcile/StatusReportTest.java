package com.roseash.operator.reconcile;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.roseash.contract.ServiceName;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.desired.ServiceWorkloads;
import com.roseash.operator.resource.PlatformStatus;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

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
        Observed observed = new Observed(Optional.of(job("Complete")), rolledOut(), Optional.empty(), Optional.empty());

        PlatformStatus first = StatusReport.of(PLATFORM, 4, observed, null, T0);
        PlatformStatus second = StatusReport.of(PLATFORM, 4, observed, roundTrip(first), T1);

        assertThat(second).isEqualTo(roundTrip(first));
        assertThat(condition(second, "Ready").getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(second.readyServices()).isEqualTo("6/6");
    }

    @Test
    void aConditionThatChangesGetsANewTransitionTimeAndTheOthersKeepTheirs() {
        PlatformStatus ready = StatusReport.of(PLATFORM, 4,
                new Observed(Optional.of(job("Complete")), rolledOut(), Optional.empty(), Optional.empty()), null, T0);

        PlatformStatus failed = StatusReport.of(PLATFORM, 5,
                new Observed(Optional.of(job("Failed")), rolledOut(), Optional.empty(), Optional.empty()), ready, T1);

        assertThat(condition(failed, "Degraded").getStatus()).isEqualTo("True");
        assertThat(condition(failed, "Degraded").getReason()).isEqualTo("MigrationsFailed");
        assertThat(condition(failed, "Degraded").getMessage()).contains("BackoffLimitExceeded: Job has reached the specified backoff limit");
        assertThat(condition(failed, "Degraded").getLastTransitionTime()).isEqualTo("2026-11-25T10:05:00Z");
        assertThat(condition(failed, "Progressing").getLastTransitionTime()).as("False before and after")
                .isEqualTo("2026-11-25T10:00:00Z");
        assertThat(failed.conditions()).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(5L));
    }

    @Test
    void aFailedReconcileKeepsWhatWasObservedAndARetryThatFailsAlikeChangesNothing() {
        PlatformStatus ready = roundTrip(StatusReport.of(PLATFORM, 4,
                new Observed(Optional.of(job("Complete")), rolledOut(), Optional.empty(), Optional.empty()), null, T0));

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
                new Observed(Optional.of(new JobBuilder().withNewMetadata().withName("j").endMetadata().withNewStatus().withActive(1)
                        .endStatus().build()), Map.of(), Optional.empty(), Optional.empty()), null, T0);

        assertThat(condition(status, "Ready").getReason()).isEqualTo("MigrationsRunning");
        assertThat(condition(status, "Progressing").getStatus()).isEqualTo("True");
        assertThat(condition(status, "MigrationsComplete").getStatus()).isEqualTo("False");
        assertThat(status.readyServices()).isEqualTo("0/6");
        assertThat(status.urls()).containsEntry("events", "https://events.coop.example/");
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
