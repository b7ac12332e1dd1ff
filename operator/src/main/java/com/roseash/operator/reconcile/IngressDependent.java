package com.roseash.operator.reconcile;

import com.roseash.operator.desired.Exposure;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.resource.RoseAshPlatform;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The platform's Ingress: a host per enabled service, the public socket only. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class IngressDependent extends CRUDKubernetesDependentResource<Ingress, RoseAshPlatform> {

    public IngressDependent() {
        super(Ingress.class);
    }

    @Override
    protected Ingress desired(RoseAshPlatform primary, Context<RoseAshPlatform> context) {
        return Exposure.ingress(PlatformView.of(primary));
    }
}
