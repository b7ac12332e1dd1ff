package com.roseash.operator.reconcile;

import java.util.List;

import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.desired.ServiceWorkloads;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** A PodDisruptionBudget for each service with more than one replica. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class DisruptionBudgetsDependent extends PerServiceDependent<PodDisruptionBudget> {

    public DisruptionBudgetsDependent() {
        super(PodDisruptionBudget.class);
    }

    @Override
    List<PodDisruptionBudget> desired(PlatformView platform) {
        return ServiceWorkloads.disruptionBudgets(platform);
    }
}
