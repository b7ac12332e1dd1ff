package com.roseash.operator.reconcile;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.roseash.contract.ServiceName;
import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * One object of a kind per enabled service (Deployments, Services, PodDisruptionBudgets): created,
 * kept equal to the resource by server-side apply, and deleted when a service is turned off. Each is
 * matched on its own, so a change to one service's object leaves the others untouched.
 */
abstract class PerServiceDependent<R extends HasMetadata> extends KubernetesDependentResource<R, RoseAshPlatform>
        implements CRUDKubernetesBulkDependentResource<R, RoseAshPlatform>, GarbageCollected<RoseAshPlatform> {

    PerServiceDependent(Class<R> type) {
        super(type);
    }

    abstract List<R> desired(PlatformView platform);

    @Override
    public Map<ResourceID, R> desiredResources(RoseAshPlatform primary, Context<RoseAshPlatform> context) {
        return desired(PlatformView.of(primary)).stream()
                .collect(Collectors.toMap(ResourceID::fromResource, Function.identity()));
    }

    /** This platform's objects of the kind that belong to a service (not, say, the managed Redis Deployment). */
    @Override
    public Map<ResourceID, R> getSecondaryResources(RoseAshPlatform primary, Context<RoseAshPlatform> context) {
        return context.getSecondaryResourcesAsStream(resourceType())
                .filter(r -> primary.getMetadata().getName().equals(r.getMetadata().getLabels().get(Labels.INSTANCE))
                        && ServiceName.ids().contains(r.getMetadata().getLabels().get(Labels.COMPONENT)))
                .collect(Collectors.toMap(ResourceID::fromResource, Function.identity(), (a, b) -> a));
    }
}
