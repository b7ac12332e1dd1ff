package com.roseash.operator.reconcile;

import com.roseash.operator.resource.RoseAshPlatform;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The managed PostgreSQL parts exist only while the resource asks for a managed database. */
public class ManagedDatabaseCondition implements Condition<Object, RoseAshPlatform> {

    @Override
    public boolean isMet(DependentResource<Object, RoseAshPlatform> dependent, RoseAshPlatform primary,
                         Context<RoseAshPlatform> context) {
        return primary.getSpec().database().managed() != null;
    }
}
