package com.roseash.operator.reconcile;

import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.ManagedRedis;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed Redis Deployment (only while the resource asks for a managed Redis). */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class RedisDeploymentDependent extends AppliedChildDependent<Deployment> {

    public RedisDeploymentDependent() {
        super(Deployment.class, ManagedRedis::name, ManagedRedis::deployment);
    }
}
