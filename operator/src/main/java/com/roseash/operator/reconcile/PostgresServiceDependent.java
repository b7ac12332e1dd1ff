package com.roseash.operator.reconcile;

import com.roseash.operator.desired.ManagedPostgres;
import io.fabric8.kubernetes.api.model.Service;
import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.resource.RoseAshPlatform;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed PostgreSQL Service. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class PostgresServiceDependent extends CRUDKubernetesDependentResource<Service, RoseAshPlatform> {

    public PostgresServiceDependent() {
        super(Service.class);
    }

    @Override
    protected Service desired(RoseAshPlatform primary, Context<RoseAshPlatform> context) {
        return ManagedPostgres.service(PlatformView.of(primary));
    }
}
