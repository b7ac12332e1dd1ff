package com.roseash.operator.resource;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.roseash.contract.ServiceName;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Images are {@code <registry>/rose-ash/<service>:<tag>}, or {@code @<digest>} where one is given. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// A misspelt key would pin nothing, silently: the schema names the images a platform runs. (On the class: a
// rule on a record component is generated twice, once for the field and once for its accessor.)
@ValidationRule(value = "!has(self.overrides) || self.overrides.all(image, image in " + ServiceName.CEL_LIST
        + " || image in ['migrate', 'redis', 'postgres-15', 'postgres-16', 'postgres-17', 'postgres-18'])",
        message = "overrides: keys must be images of the platform: " + ServiceName.NAMES + ", migrate, "
                + "redis, postgres-15, postgres-16, postgres-17, postgres-18")
public record ImagesSpec(
        @Default("ghcr.io")
        @JsonPropertyDescription("Registry host (and path) the rose-ash images are under.")
        String registry,

        @Default("latest")
        @Pattern("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")
        @JsonPropertyDescription("Tag of every image unless overridden.")
        String tag,

        @Size(max = 12)
        @JsonPropertyDescription("Per image (a service, migrate, redis or postgres-<version>): a tag or a digest instead.")
        Map<String, ImageOverrideSpec> overrides) {
}
