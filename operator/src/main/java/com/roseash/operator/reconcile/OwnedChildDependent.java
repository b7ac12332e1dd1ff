package com.roseash.operator.reconcile;

import java.util.function.Function;

import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * One child of the platform, owned by it (deleted with it by the garbage collector), created from a
 * {@code desired} builder and found by its name alone: looking for an existing generated Secret never
 * generates keys, and a child whose precondition stopped holding is found and deleted without being
 * built from a resource that no longer describes it.
 *
 * <p>As it is, the child is created once and never updated: generated Secrets (a reconcile must never
 * rotate a key) and migrations Jobs (immutable; each version has its own name). AppliedChildDependent
 * adds the updates.
 */
abstract class OwnedChildDependent<R extends HasMetadata> extends KubernetesDependentResource<R, RoseAshPlatform>
        implements Creator<R, RoseAshPlatform>, GarbageCollected<RoseAshPlatform> {

    private final Function<PlatformView, String> name;
    private final Function<PlatformView, R> build;

    OwnedChildDependent(Class<R> type, Function<PlatformView, String> name, Function<PlatformView, R> build) {
        super(type);
        this.name = name;
        this.build = build;
    }

    @Override
    protected R desired(RoseAshPlatform primary, Context<RoseAshPlatform> context) {
        return build.apply(PlatformView.of(primary));
    }

    @Override
    protected ResourceID targetSecondaryResourceID(RoseAshPlatform primary, Context<RoseAshPlatform> context) {
        return new ResourceID(name.apply(PlatformView.of(primary)), primary.getMetadata().getNamespace());
    }
}
