package com.roseash.operator.reconcile;

import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;

/**
 * A child created once and never updated, owned by the platform: generated Secrets (a reconcile must
 * never rotate a key) and migrations Jobs (a Job is immutable; each version has its own name).
 */
abstract class CreateOnlyDependent<R extends HasMetadata> extends KubernetesDependentResource<R, RoseAshPlatform>
        implements Creator<R, RoseAshPlatform>, GarbageCollected<RoseAshPlatform> {

    CreateOnlyDependent(Class<R> type) {
        super(type);
    }
}
