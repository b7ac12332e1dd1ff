package com.roseash.operator.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** One service's scale and resources. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformServiceSpec(
        @Default("true")
        @JsonPropertyDescription("Run this service.")
        Boolean enabled,

        @Default("1")
        @Min(0)
        @JsonPropertyDescription("Replicas of the Deployment.")
        Integer replicas,

        @JsonPropertyDescription("CPU and memory requests and limits of the service's container.")
        ResourceRequirements resources) {
}
