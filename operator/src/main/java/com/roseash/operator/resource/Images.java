package com.roseash.operator.resource;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Images are {@code <registry>/rose-ash/<service>:<tag>}, or {@code @<digest>} where one is given. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Images(
        @Default("ghcr.io")
        @JsonPropertyDescription("Registry host (and path) the rose-ash images are under.")
        String registry,

        @Default("latest")
        @Pattern("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")
        @JsonPropertyDescription("Tag of every image unless overridden.")
        String tag,

        @JsonPropertyDescription("Per image (a service, or migrate): a tag or a digest instead.")
        Map<String, ImageOverride> overrides) {
}
