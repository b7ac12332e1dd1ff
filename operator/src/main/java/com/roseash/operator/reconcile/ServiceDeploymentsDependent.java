package com.roseash.operator.reconcile;

import java.util.List;

import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.desired.ServiceWorkloads;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Each enabled service's Deployment; the workflow reaches it only once the migrations Job succeeded. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class ServiceDeploymentsDependent extends PerServiceDependent<Deployment> {

    public ServiceDeploymentsDependent() {
        super(Deployment.class);
    }

    @Override
    List<Deployment> desired(PlatformView platform) {
        return ServiceWorkloads.deployments(platform);
    }
}
