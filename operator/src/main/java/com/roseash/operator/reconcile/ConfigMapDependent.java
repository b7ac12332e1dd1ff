package com.roseash.operator.reconcile;

import com.roseash.operator.desired.Configuration;
import io.fabric8.kubernetes.api.model.ConfigMap;
import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.PlatformView;
import com.roseash.operator.resource.RoseAshPlatform;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The platform's ConfigMap, kept equal to the resource: an edit by hand is undone. */
@KubernetesDependent(useSSA = BooleanWithUndefined.TRUE, informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class ConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, RoseAshPlatform> {

    public ConfigMapDependent() {
        super(ConfigMap.class);
    }

    @Override
    protected ConfigMap desired(RoseAshPlatform primary, Context<RoseAshPlatform> context) {
        return Configuration.configMap(PlatformView.of(primary));
    }
}
