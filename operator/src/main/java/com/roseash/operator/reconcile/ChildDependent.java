package com.roseash.operator.reconcile;

import java.util.function.Function;

import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * One child kept equal to the resource by server-side apply: built by a {@code desired} builder and
 * found by its name alone, so a child whose precondition no longer holds can be found and deleted
 * without building it from a resource that no longer describes it.
 */
abstract class ChildDependent<R extends HasMetadata> extends CRUDKubernetesDependentResource<R, RoseAshPlatform> {

    private final Function<PlatformView, String> name;
    private final Function<PlatformView, R> build;

    ChildDependent(Class<R> type, Function<PlatformView, String> name, Function<PlatformView, R> build) {
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
