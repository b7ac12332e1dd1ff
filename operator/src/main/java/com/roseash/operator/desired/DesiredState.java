package com.roseash.operator.desired;

import java.util.ArrayList;
import java.util.List;

import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The workloads and routing a platform resource asks for, from the resource alone (no cluster): what
 * {@code render} prints and what the reconciler applies. Generated secrets and the stateful parts
 * (PostgreSQL, Redis, the migrations Job) are the reconciler's.
 */
public final class DesiredState {

    private DesiredState() {
    }

    public static List<HasMetadata> of(RoseAshPlatform resource) {
        PlatformView platform = PlatformView.of(resource);
        List<HasMetadata> objects = new ArrayList<>();
        for (String service : Contract.SERVICES) {
            if (!platform.enabled(service)) {
                continue;
            }
            objects.add(ServiceWorkloads.deployment(platform, service, platform.image(service)));
            objects.add(ServiceWorkloads.service(platform, service));
            if (platform.services().get(service).replicas() > 1) {
                objects.add(ServiceWorkloads.disruptionBudget(platform, service));
            }
        }
        objects.add(Exposure.ingress(platform));
        objects.add(Exposure.networkPolicy(platform));
        return objects;
    }
}
