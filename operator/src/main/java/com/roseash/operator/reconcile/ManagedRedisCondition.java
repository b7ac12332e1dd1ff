package com.roseash.operator.reconcile;

import com.roseash.operator.resource.RoseAshPlatform;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The managed Redis parts exist only while the resource asks for a managed Redis. */
public class ManagedRedisCondition implements Condition<Object, RoseAshPlatform> {

    @Override
    public boolean isMet(DependentResource<Object, RoseAshPlatform> dependent, RoseAshPlatform primary,
                         Context<RoseAshPlatform> context) {
        return primary.getSpec().redis().managed() != null;
    }
}
