package com.roseash.operator.reconcile;

import com.roseash.operator.desired.ManagedRedis;
import io.fabric8.kubernetes.api.model.Service;
import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.resource.RoseAshPlatform;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed Redis Service. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class RedisServiceDependent extends CRUDKubernetesDependentResource<Service, RoseAshPlatform> {

    public RedisServiceDependent() {
        super(Service.class);
    }

    @Override
    protected Service desired(RoseAshPlatform primary, Context<RoseAshPlatform> context) {
        return ManagedRedis.service(PlatformView.of(primary));
    }
}
