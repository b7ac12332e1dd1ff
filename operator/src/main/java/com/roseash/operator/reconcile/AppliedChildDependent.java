package com.roseash.operator.reconcile;

import java.util.function.Function;

import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.dependent.Updater;

/** A child kept equal to the resource: server-side applied again whenever it differs from what was applied. */
abstract class AppliedChildDependent<R extends HasMetadata> extends OwnedChildDependent<R>
        implements Updater<R, RoseAshPlatform> {

    AppliedChildDependent(Class<R> type, Function<PlatformView, String> name, Function<PlatformView, R> build) {
        super(type, name, build);
    }
}
