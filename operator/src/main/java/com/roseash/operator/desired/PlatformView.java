package com.roseash.operator.desired;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.roseash.contract.ServiceName;
import com.roseash.operator.resource.ImageOverrideSpec;
import com.roseash.operator.resource.ImagesSpec;
import com.roseash.operator.resource.PlatformServiceSpec;
import com.roseash.operator.resource.PlatformSpec;
import com.roseash.operator.resource.RoseAshPlatform;

/**
 * A platform resource read with its defaults applied, so builders never deal with nulls: the API server
 * defaults a stored resource, but {@code render} reads a file that may leave fields out.
 */
public record PlatformView(String name, String namespace, String domain, String registry, String tag,
                           Map<String, ImageOverrideSpec> imageOverrides, Map<String, PlatformServiceSpec> services,
                           PlatformSpec spec) {

    public static PlatformView of(RoseAshPlatform platform) {
        PlatformSpec spec = platform.getSpec();
        ImagesSpec images = Optional.ofNullable(spec.images()).orElse(new ImagesSpec(null, null, null));
        Map<String, PlatformServiceSpec> services = new LinkedHashMap<>();
        for (String service : ServiceName.ids()) {
            PlatformServiceSpec given = spec.services() == null ? null : spec.services().get(service);
            services.put(service, new PlatformServiceSpec(
                    given == null || given.enabled() == null || given.enabled(),
                    given == null || given.replicas() == null ? 1 : given.replicas(),
                    given == null ? null : given.resources()));
        }
        return new PlatformView(platform.getMetadata().getName(),
                Optional.ofNullable(platform.getMetadata().getNamespace()).orElse("default"),
                spec.domain(),
                Optional.ofNullable(images.registry()).orElse("ghcr.io"),
                Optional.ofNullable(images.tag()).orElse("latest"),
                Optional.ofNullable(images.overrides()).orElse(Map.of()),
                services, spec);
    }

    /** {@code <registry>/rose-ash/<image>:<tag>}, or {@code @<digest>} when the resource pins one. */
    public String image(String image) {
        ImageOverrideSpec override = imageOverrides.get(image);
        String base = registry + "/rose-ash/" + image;
        if (override != null && override.digest() != null) {
            return base + "@" + override.digest();
        }
        return base + ":" + (override != null && override.tag() != null ? override.tag() : tag);
    }

    public boolean enabled(String service) {
        return services.get(service).enabled();
    }

    /** Name of a child resource: {@code <platform>-<part>}. */
    public String child(String part) {
        return name + "-" + part;
    }

    public String host(String service) {
        return service + "." + domain;
    }
}
