package com.roseash.operator.reconcile;

import com.roseash.operator.desired.Configuration;
import com.roseash.operator.desired.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The platform's ConfigMap, kept equal to the resource: an edit by hand is undone. */
@KubernetesDependent(useSSA = BooleanWithUndefined.TRUE, informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class ConfigMapDependent extends AppliedChildDependent<ConfigMap> {

    public ConfigMapDependent() {
        super(ConfigMap.class, Configuration::name, Configuration::configMap);
    }
}
