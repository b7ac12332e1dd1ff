package com.roseash.operator.reconcile;

import com.roseash.operator.desired.Exposure;
import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.PlatformView;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The platform's Ingress: a host per enabled service, the public socket only. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class IngressDependent extends AppliedChildDependent<Ingress> {

    public IngressDependent() {
        super(Ingress.class, PlatformView::name, Exposure::ingress);
    }
}
