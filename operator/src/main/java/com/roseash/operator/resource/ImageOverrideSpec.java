package com.roseash.operator.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** One image pinned by tag or by digest, not both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.tag) != has(self.digest)", message = "give exactly one of tag and digest")
public record ImageOverrideSpec(
        @Pattern("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")
        @JsonPropertyDescription("Image tag.")
        String tag,

        @Pattern("^sha256:[a-f0-9]{64}$")
        @JsonPropertyDescription("Image digest, sha256:<64 hex digits>.")
        String digest) {
}
