package com.roseash.operator.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** Redis: an external server named by a Secret, or one the operator runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.external) != has(self.managed)", message = "exactly one of external and managed must be set")
public record RedisSpec(
        @JsonPropertyDescription("An existing Redis: a Secret with its URL.")
        SecretReferenceSpec external,

        @JsonPropertyDescription("A Redis run by the operator (caches and sessions only; nothing in it is lost for good).")
        ManagedRedisSpec managed) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ManagedRedisSpec(
            @JsonPropertyDescription("Redis image; the operator's default when unset.")
            String image) {
    }
}
