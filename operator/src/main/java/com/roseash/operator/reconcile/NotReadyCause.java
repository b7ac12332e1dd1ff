package com.roseash.operator.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;

/**
 * Why a service that has not rolled out is not ready, read from its Deployment's conditions and its pods'
 * statuses the way {@code kubectl describe} would show them. A stuck cause (one that waiting will not
 * mend: an image that cannot be pulled, a crash loop, a container that cannot be configured, a
 * ReplicaSet that cannot create pods, a rollout past its progress deadline) makes the platform Degraded.
 *
 * <p>Messages hold nothing that changes from one observation to the next while the cause stays (no
 * restart counts, no back-off delays, no ages), so polling a broken platform does not rewrite its status.
 */
record NotReadyCause(String reason, String message, boolean stuck) {

    static final String IMAGE_PULL_FAILED = "ImagePullFailed";
    static final String CONFIG_ERROR = "ConfigError";
    static final String CRASH_LOOPING = "CrashLooping";
    static final String REPLICA_FAILURE = "ReplicaFailure";
    static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
    static final String UNSCHEDULABLE = "Unschedulable";
    static final String PROBE_FAILING = "ProbeFailing";

    /** Most severe first: the platform's conditions take the reason of the worst service. */
    static final List<String> SEVERITY = List.of(IMAGE_PULL_FAILED, CONFIG_ERROR, CRASH_LOOPING, REPLICA_FAILURE,
            PROGRESS_DEADLINE_EXCEEDED, UNSCHEDULABLE, PROBE_FAILING);

    /**
     * A container that was just started is not ready until its first readiness probes pass (the services'
     * probe: every 5 seconds, 2 failures); only a container not ready for longer is said to fail its probe.
     */
    static final Duration PROBE_GRACE = Duration.ofSeconds(30);

    /**
     * A pod waiting this long for its image or its configuration is stuck. Before that, waiting may mend it:
     * a registry's hiccup, or a Secret that a GitOps sync applies a moment after the platform.
     */
    static final Duration STUCK_GRACE = Duration.ofMinutes(2);

    /** Longest part of a message taken from the cluster (a kubelet's or a controller's). */
    static final int DETAIL_LIMIT = 200;

    static Comparator<NotReadyCause> bySeverity() {
        return Comparator.comparingInt(cause -> SEVERITY.indexOf(cause.reason()));
    }

    /** The cause read from a Deployment and the pods it selects, or empty when it is simply rolling out. */
    static Optional<NotReadyCause> of(Deployment deployment, List<Pod> pods, Instant now) {
        List<NotReadyCause> fromPods = new ArrayList<>();
        for (Pod pod : pods) {
            if (pod.getMetadata().getDeletionTimestamp() == null) {
                of(pod, now).ifPresent(fromPods::add);
            }
        }
        Optional<NotReadyCause> cause = fromPods.stream().min(bySeverity());
        DeploymentCondition replicaFailure = condition(deployment, "ReplicaFailure", "True");
        if (cause.isEmpty() && replicaFailure != null) {
            cause = Optional.of(new NotReadyCause(REPLICA_FAILURE, "cannot create pods: " + reasonAndMessage(
                    replicaFailure.getReason(), replicaFailure.getMessage()), true));
        }
        if (deadlineExceeded(deployment)) {
            DeploymentCondition progressing = condition(deployment, "Progressing", "False");
            // The Deployment controller gave up waiting: whatever its pods say, the rollout is stuck.
            cause = Optional.of(cause.map(c -> new NotReadyCause(c.reason(), c.message() + " (progress deadline exceeded)", true))
                    .orElse(new NotReadyCause(PROGRESS_DEADLINE_EXCEEDED, "rollout stopped: " + reasonAndMessage(
                            progressing.getReason(), progressing.getMessage()), true)));
        }
        return cause;
    }

    /** The Deployment controller's verdict that the rollout stopped progressing (its progressDeadlineSeconds passed). */
    static boolean deadlineExceeded(Deployment deployment) {
        DeploymentCondition progressing = condition(deployment, "Progressing", "False");
        return progressing != null && PROGRESS_DEADLINE_EXCEEDED.equals(progressing.getReason());
    }

    /** What keeps one pod from being ready, if the pod says. */
    static Optional<NotReadyCause> of(Pod pod, Instant now) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        List<NotReadyCause> causes = new ArrayList<>();
        PodCondition scheduled = podCondition(pod, "PodScheduled");
        if (scheduled != null && "False".equals(scheduled.getStatus()) && UNSCHEDULABLE.equals(scheduled.getReason())) {
            causes.add(new NotReadyCause(UNSCHEDULABLE, "pod cannot be scheduled: " + detail(scheduled.getMessage()), false));
        }
        for (ContainerStatus container : orEmpty(pod.getStatus().getContainerStatuses())) {
            of(pod, container, now).ifPresent(causes::add);
        }
        return causes.stream().min(bySeverity());
    }

    private static Optional<NotReadyCause> of(Pod pod, ContainerStatus container, Instant now) {
        ContainerStateWaiting waiting = container.getState() == null ? null : container.getState().getWaiting();
        String waitingReason = waiting == null ? "" : String.valueOf(waiting.getReason());
        switch (waitingReason) {
            case "ErrImagePull", "ImagePullBackOff" -> {
                // The kubelet alternates the two, each with its own message: the status names the image only,
                // so it does not change with every retry (the registry's answer is in the pod's events).
                return Optional.of(new NotReadyCause(IMAGE_PULL_FAILED, "image " + image(pod, container) + " cannot be pulled",
                        waitedLong(pod, now)));
            }
            case "InvalidImageName" -> {
                return Optional.of(new NotReadyCause(IMAGE_PULL_FAILED, "image " + image(pod, container)
                        + " cannot be pulled: " + reasonAndMessage(waitingReason, waiting.getMessage()), true));
            }
            case "CreateContainerConfigError" -> {
                return Optional.of(new NotReadyCause(CONFIG_ERROR, "container " + container.getName() + " cannot be configured: "
                        + reasonAndMessage(waitingReason, waiting.getMessage()), waitedLong(pod, now)));
            }
            case "CrashLoopBackOff" -> {
                // The back-off message changes with every restart; the last termination says why.
                return Optional.of(new NotReadyCause(CRASH_LOOPING, "container " + container.getName() + " restarts"
                        + lastTermination(container), true));
            }
            default -> {
                // Waiting for anything else (ContainerCreating, PodInitializing) is progress.
            }
        }
        var running = container.getState() == null ? null : container.getState().getRunning();
        if (running != null && !Boolean.TRUE.equals(container.getReady()) && running.getStartedAt() != null
                && Instant.parse(running.getStartedAt()).plus(PROBE_GRACE).isBefore(now)) {
            return Optional.of(new NotReadyCause(PROBE_FAILING, "container " + container.getName()
                    + " runs but is not ready: its readiness probe" + probe(pod, container) + " fails", false));
        }
        return Optional.empty();
    }

    /** Whether the pod has waited past {@link #STUCK_GRACE} (a pod without a creation time is taken as old). */
    private static boolean waitedLong(Pod pod, Instant now) {
        String created = pod.getMetadata() == null ? null : pod.getMetadata().getCreationTimestamp();
        return created == null || Instant.parse(created).plus(STUCK_GRACE).isBefore(now);
    }

    /** "(exit 1, Error)" or "(exit 137, OOMKilled): message", from the container's last termination. */
    private static String lastTermination(ContainerStatus container) {
        ContainerStateTerminated last = container.getLastState() == null ? null : container.getLastState().getTerminated();
        if (last == null) {
            return "";
        }
        String shown = " (exit " + last.getExitCode() + (last.getReason() == null ? "" : ", " + last.getReason()) + ")";
        return last.getMessage() == null || last.getMessage().isBlank() ? shown : shown + ": " + detail(last.getMessage());
    }

    /** The image as the pod asks for it (the status may hold a resolved one, or nothing before a pull). */
    private static String image(Pod pod, ContainerStatus container) {
        return spec(pod, container).map(Container::getImage).orElse(container.getImage());
    }

    private static String probe(Pod pod, ContainerStatus container) {
        return spec(pod, container).map(Container::getReadinessProbe).filter(p -> p.getHttpGet() != null)
                .map(p -> " (GET " + p.getHttpGet().getPath() + " on port " + p.getHttpGet().getPort().getValue() + ")")
                .orElse("");
    }

    private static Optional<Container> spec(Pod pod, ContainerStatus container) {
        if (pod.getSpec() == null) {
            return Optional.empty();
        }
        return orEmpty(pod.getSpec().getContainers()).stream().filter(c -> c.getName().equals(container.getName())).findFirst();
    }

    private static String reasonAndMessage(String reason, String message) {
        return message == null || message.isBlank() ? reason : reason + ": " + detail(message);
    }

    /** A message from the cluster, on one line and bounded. */
    static String detail(String message) {
        String line = message.strip().replaceAll("\\s*\\n\\s*", " ");
        return line.length() > DETAIL_LIMIT ? line.substring(0, DETAIL_LIMIT - 1) + "…" : line;
    }

    private static DeploymentCondition condition(Deployment deployment, String type, String status) {
        if (deployment == null || deployment.getStatus() == null) {
            return null;
        }
        return orEmpty(deployment.getStatus().getConditions()).stream()
                .filter(c -> type.equals(c.getType()) && status.equals(c.getStatus())).findFirst().orElse(null);
    }

    private static PodCondition podCondition(Pod pod, String type) {
        return orEmpty(pod.getStatus().getConditions()).stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
