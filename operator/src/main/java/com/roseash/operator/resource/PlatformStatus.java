package com.roseash.operator.resource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

/**
 * What the operator observed. Conditions are shaped like metav1.Condition so {@code kubectl wait
 * --for=condition=Ready} and GitOps health checks read them. No secret value ever goes here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformStatus(
        @JsonPropertyDescription("The metadata.generation this status describes.")
        Long observedGeneration,

        @JsonPropertyDescription("Ready, MigrationsComplete, Progressing and Degraded.")
        List<Condition> conditions,

        @JsonPropertyDescription("Per enabled service: the image its Deployment runs, its ready replicas, and why it is not"
                + " ready.")
        Map<String, ServiceStatus> services,

        @JsonPropertyDescription("Name of the migrations Job of the version being rolled out.")
        String migrationsJob,

        @JsonPropertyDescription("Browser-facing URL of each enabled service.")
        Map<String, String> urls,

        @JsonPropertyDescription("Ready services out of enabled ones, e.g. 6/6 (a printer column).")
        String readyServices) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceStatus(
            @JsonPropertyDescription("Image of the Deployment's pod template.")
            String image,

            @JsonPropertyDescription("Desired replicas.")
            Integer replicas,

            @JsonPropertyDescription("Ready replicas.")
            Integer readyReplicas,

            @JsonPropertyDescription("Why the service is not ready, when its Deployment or pods tell: ImagePullFailed, "
                    + "ConfigError, CrashLooping, ReplicaFailure, ProgressDeadlineExceeded, Unschedulable or ProbeFailing.")
            String reason,

            @JsonPropertyDescription("The cause in words, from the Deployment's conditions or the pods' container statuses.")
            String message) {
    }
}
