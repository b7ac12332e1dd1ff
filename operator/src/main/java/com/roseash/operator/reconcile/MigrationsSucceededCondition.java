package com.roseash.operator.reconcile;

import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The gate of every rollout: the Deployments follow only once this version's migrations Job completed. */
public class MigrationsSucceededCondition implements Condition<Job, RoseAshPlatform> {

    @Override
    public boolean isMet(DependentResource<Job, RoseAshPlatform> dependent, RoseAshPlatform primary,
                         Context<RoseAshPlatform> context) {
        return dependent.getSecondaryResource(primary, context).map(JobState::of).orElse(JobState.PENDING) == JobState.SUCCEEDED;
    }
}
