package com.roseash.operator.resource;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;

/** What the operator observed; conditions shaped like metav1.Condition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformStatus(Long observedGeneration, List<Condition> conditions) {
}
