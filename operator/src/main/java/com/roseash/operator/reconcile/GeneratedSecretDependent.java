package com.roseash.operator.reconcile;

import com.roseash.operator.desired.GeneratedSecrets;
import com.roseash.operator.desired.Labels;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The platform's generated keys: made when missing, never rewritten. */
@KubernetesDependent(useSSA = BooleanWithUndefined.TRUE, informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class GeneratedSecretDependent extends OwnedChildDependent<Secret> {

    public GeneratedSecretDependent() {
        super(Secret.class, GeneratedSecrets::name, GeneratedSecrets::platformSecret);
    }
}
