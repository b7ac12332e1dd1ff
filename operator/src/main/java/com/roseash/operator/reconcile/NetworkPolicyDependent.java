package com.roseash.operator.reconcile;

import com.roseash.operator.desired.Exposure;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.resource.RoseAshPlatform;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The NetworkPolicy that opens the internal socket to the platform's own pods only. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class NetworkPolicyDependent extends CRUDKubernetesDependentResource<NetworkPolicy, RoseAshPlatform> {

    public NetworkPolicyDependent() {
        super(NetworkPolicy.class);
    }

    @Override
    protected NetworkPolicy desired(RoseAshPlatform primary, Context<RoseAshPlatform> context) {
        return Exposure.networkPolicy(PlatformView.of(primary));
    }
}
