package com.roseash.operator.reconcile;

import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.ManagedRedis;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed Redis Service. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class RedisServiceDependent extends AppliedChildDependent<Service> {

    public RedisServiceDependent() {
        super(Service.class, ManagedRedis::name, ManagedRedis::service);
    }
}
