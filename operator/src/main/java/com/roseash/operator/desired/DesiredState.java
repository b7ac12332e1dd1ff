package com.roseash.operator.desired;

import java.util.ArrayList;
import java.util.List;

import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Everything a platform resource asks for that follows from the resource alone (no cluster): what
 * {@code render} prints, built by the same methods the reconciler's dependents call. The generated
 * Secrets are the only children not here: their values are random, made once in the cluster.
 */
public final class DesiredState {

    private DesiredState() {
    }

    public static List<HasMetadata> of(RoseAshPlatform resource) {
        PlatformView platform = PlatformView.of(resource);
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(Configuration.configMap(platform));
        if (platform.spec().redis().external() == null) {
            objects.add(ManagedRedis.deployment(platform));
            objects.add(ManagedRedis.service(platform));
        }
        if (platform.spec().database().external() == null) {
            objects.add(ManagedPostgres.statefulSet(platform));
            objects.add(ManagedPostgres.service(platform));
        }
        objects.add(Migrations.job(platform));
        objects.addAll(ServiceWorkloads.deployments(platform));
        objects.addAll(ServiceWorkloads.services(platform));
        objects.addAll(ServiceWorkloads.disruptionBudgets(platform));
        objects.add(Exposure.ingress(platform));
        objects.add(Exposure.networkPolicy(platform));
        return objects;
    }
}
