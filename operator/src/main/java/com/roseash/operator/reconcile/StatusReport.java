package com.roseash.operator.reconcile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.roseash.contract.ServiceName;
import com.roseash.operator.desired.Configuration;
import com.roseash.operator.desired.Migrations;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.resource.PlatformStatus.ServiceStatus;
import com.roseash.operator.resource.PlatformStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;

/**
 * The status a platform gets from what was observed: Kubernetes-style conditions (Ready,
 * MigrationsComplete, Progressing, Degraded) with CamelCase reasons and messages, per-service image and
 * readiness, and the public URLs. A service that is not ready is named with its cause (NotReadyCause), read
 * from its Deployment and pods, and a cause that waiting will not mend degrades the platform. A condition
 * keeps its lastTransitionTime while its status stays, so a reconcile that observes nothing new produces
 * an equal status and writes nothing.
 */
final class StatusReport {

    static final String READY = "Ready";
    static final String MIGRATIONS_COMPLETE = "MigrationsComplete";
    static final String PROGRESSING = "Progressing";
    static final String DEGRADED = "Degraded";
    static final int MESSAGE_LIMIT = 1000;

    private StatusReport() {
    }

    static PlatformStatus of(PlatformView platform, long generation, Observed observed, PlatformStatus previous, Instant now) {
        Map<String, ServiceStatus> services = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        // A service that is not ready either has a cause its Deployment or pods tell, or is simply waited for.
        Map<String, NotReadyCause> causes = new LinkedHashMap<>();
        List<String> waitingFor = new ArrayList<>();
        int enabled = 0;
        int readyServices = 0;
        for (String service : ServiceName.ids()) {
            if (!platform.enabled(service)) {
                continue;
            }
            enabled++;
            urls.put(service, Configuration.publicUrl(platform, service));
            Deployment deployment = observed.services().get(service);
            int replicas = platform.services().get(service).replicas();
            Optional<NotReadyCause> cause = Optional.empty();
            if (rolledOut(deployment, platform.image(service), replicas)) {
                readyServices++;
            } else {
                // Pods are read only here, for a service that is not ready.
                cause = deployment == null ? Optional.empty()
                        : NotReadyCause.of(deployment, observed.pods().getOrDefault(service, List.of()), now);
                cause.ifPresentOrElse(c -> causes.put(service, c), () -> waitingFor.add(service));
            }
            services.put(service, new ServiceStatus(deployment == null ? null : image(deployment), replicas,
                    deployment == null || deployment.getStatus() == null ? 0 : orZero(deployment.getStatus().getReadyReplicas()),
                    cause.map(NotReadyCause::reason).orElse(null), cause.map(NotReadyCause::message).orElse(null)));
        }
        if (platform.spec().redis().managed() != null
                && observed.redis().map(r -> r.getStatus() == null ? 0 : orZero(r.getStatus().getReadyReplicas()))
                        .orElse(0) < 1) {
            waitingFor.add("redis");
        }
        if (platform.spec().database().managed() != null
                && observed.postgres().map(s -> s.getStatus() == null ? 0 : orZero(s.getStatus().getReadyReplicas()))
                        .orElse(0) < 1) {
            waitingFor.add("postgres");
        }

        String jobName = Migrations.jobName(platform);
        JobState migrations = observed.migrations().map(JobState::of).orElse(JobState.PENDING);
        List<Condition> conditions = new ArrayList<>();
        switch (migrations) {
            case SUCCEEDED -> conditions.add(condition(MIGRATIONS_COMPLETE, true, "Succeeded", "Job " + jobName + " completed"));
            case FAILED -> conditions.add(condition(MIGRATIONS_COMPLETE, false, "Failed",
                    failure(jobName, observed.migrations().orElseThrow())));
            default -> conditions.add(condition(MIGRATIONS_COMPLETE, false, "Running", "Job " + jobName + " is running"));
        }
        boolean ready = migrations == JobState.SUCCEEDED && causes.isEmpty() && waitingFor.isEmpty();
        if (ready) {
            conditions.add(condition(READY, true, "AllServicesReady", enabled + " services ready"));
            conditions.add(condition(PROGRESSING, false, "RolloutComplete", "every service runs the version asked for"));
        } else if (migrations == JobState.FAILED) {
            conditions.add(condition(READY, false, "MigrationsFailed",
                    "services keep running their previous version; " + failure(jobName, observed.migrations().orElseThrow())));
            conditions.add(condition(PROGRESSING, false, "MigrationsFailed",
                    "the rollout waits for a version whose migrations succeed"));
        } else if (migrations != JobState.SUCCEEDED) {
            conditions.add(condition(READY, false, "MigrationsRunning", "services roll out once Job " + jobName + " completes"));
            conditions.add(condition(PROGRESSING, true, "MigrationsRunning", "Job " + jobName + " is running"));
        } else {
            String message = notReady(causes, waitingFor);
            String reason = worst(causes.values()).map(NotReadyCause::reason).orElse("RollingOut");
            conditions.add(condition(READY, false, reason, message));
            // As a Deployment reports it: no longer progressing once every service left waiting has passed its
            // progress deadline.
            boolean stalled = waitingFor.isEmpty() && causes.keySet().stream()
                    .allMatch(service -> NotReadyCause.deadlineExceeded(observed.services().get(service)));
            conditions.add(stalled
                    ? condition(PROGRESSING, false, NotReadyCause.PROGRESS_DEADLINE_EXCEEDED, message)
                    : condition(PROGRESSING, true, "RollingOut", message));
        }
        Map<String, NotReadyCause> stuck = new LinkedHashMap<>(causes);
        stuck.values().removeIf(cause -> !cause.stuck());
        if (migrations == JobState.FAILED) {
            conditions.add(condition(DEGRADED, true, "MigrationsFailed", failure(jobName, observed.migrations().orElseThrow())));
        } else if (!stuck.isEmpty()) {
            // A rollout that waiting will not finish: GitOps tools read Degraded as failed.
            conditions.add(condition(DEGRADED, true, worst(stuck.values()).orElseThrow().reason(), notReady(stuck, List.of())));
        } else {
            conditions.add(condition(DEGRADED, false, "AsExpected", "no failure observed"));
        }

        List<Condition> stamped = conditions.stream().map(c -> stamp(c, generation, previous, now)).toList();
        return new PlatformStatus(generation, stamped, services, jobName, urls, readyServices + "/" + enabled);
    }

    /**
     * The enabled services whose Deployment exists but has not rolled out: the only ones whose pods the
     * reconciler reads for the status.
     */
    static List<String> notRolledOut(PlatformView platform, Map<String, Deployment> deployments) {
        return ServiceName.ids().stream().filter(platform::enabled)
                .filter(service -> deployments.containsKey(service) && !rolledOut(deployments.get(service),
                        platform.image(service), platform.services().get(service).replicas()))
                .toList();
    }

    /** "blog: image ... cannot be pulled: ...; cart: container cart restarts (exit 1, Error); waiting for redis". */
    private static String notReady(Map<String, NotReadyCause> causes, List<String> waitingFor) {
        List<String> parts = new ArrayList<>();
        causes.forEach((service, cause) -> parts.add(service + ": " + cause.message()));
        if (!waitingFor.isEmpty()) {
            parts.add("waiting for " + String.join(", ", waitingFor));
        }
        return bounded(String.join("; ", parts));
    }

    private static Optional<NotReadyCause> worst(Collection<NotReadyCause> causes) {
        return causes.stream().min(NotReadyCause.bySeverity());
    }

    /**
     * The status after a reconcile that failed: the last one observed, with Degraded=True and the
     * failure (its lastTransitionTime kept while the platform stays degraded, so a retry that fails
     * the same way writes nothing). Its observedGeneration is the generation that failed: the operator
     * has seen it, and GitOps tools (kstatus, Flux, Argo CD) read a lower one as "not looked at yet" and
     * would wait instead of reporting the failure.
     */
    static PlatformStatus failed(PlatformStatus previous, long generation, String message, Instant now) {
        List<Condition> conditions = new ArrayList<>(previous == null || previous.conditions() == null ? List.of()
                : previous.conditions());
        conditions.removeIf(c -> DEGRADED.equals(c.getType()));
        conditions.add(stamp(condition(DEGRADED, true, "ReconcileFailed", bounded(message)), generation, previous, now));
        return previous == null
                ? new PlatformStatus(generation, conditions, null, null, null, null)
                : new PlatformStatus(generation, conditions, previous.services(), previous.migrationsJob(),
                previous.urls(), previous.readyServices());
    }

    /** A Deployment has rolled out when its controller saw our spec and every replica runs it, ready. */
    private static boolean rolledOut(Deployment deployment, String image, int replicas) {
        if (deployment == null || deployment.getStatus() == null || !image.equals(image(deployment))) {
            return false;
        }
        var status = deployment.getStatus();
        return Objects.equals(status.getObservedGeneration(), deployment.getMetadata().getGeneration())
                && orZero(status.getUpdatedReplicas()) == replicas && orZero(status.getReadyReplicas()) == replicas
                && orZero(status.getAvailableReplicas()) == replicas && orZero(status.getReplicas()) == replicas;
    }

    private static String image(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }

    private static String failure(String jobName, Job job) {
        JobCondition failed = JobState.condition(job, "Failed");
        return "Job " + jobName + " failed: " + failed.getReason() + ": " + failed.getMessage();
    }

    private static Condition condition(String type, boolean status, String reason, String message) {
        return new ConditionBuilder().withType(type).withStatus(status ? "True" : "False").withReason(reason)
                .withMessage(message).build();
    }

    private static Condition stamp(Condition condition, long generation, PlatformStatus previous, Instant now) {
        String since = Optional.ofNullable(previous).map(PlatformStatus::conditions).orElse(List.of()).stream()
                .filter(c -> c.getType().equals(condition.getType()) && c.getStatus().equals(condition.getStatus()))
                .map(Condition::getLastTransitionTime).filter(Objects::nonNull).findFirst()
                .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
        return new ConditionBuilder(condition).withObservedGeneration(generation).withLastTransitionTime(since).build();
    }

    /** Condition messages stay short enough to read in {@code kubectl get -o yaml} and a GitOps UI. */
    private static String bounded(String message) {
        return message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT - 1) + "…" : message;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
