package com.roseash.operator.reconcile;

import com.roseash.operator.desired.Exposure;
import com.roseash.operator.desired.Labels;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The NetworkPolicy that opens the internal socket to the platform's own pods only. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class NetworkPolicyDependent extends AppliedChildDependent<NetworkPolicy> {

    public NetworkPolicyDependent() {
        super(NetworkPolicy.class, Exposure::networkPolicyName, Exposure::networkPolicy);
    }
}
