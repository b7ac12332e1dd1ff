package com.roseash.operator.reconcile;

import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.ManagedPostgres;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed PostgreSQL StatefulSet; its claim template makes the data volume. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class PostgresStatefulSetDependent extends AppliedChildDependent<StatefulSet> {

    public PostgresStatefulSetDependent() {
        super(StatefulSet.class, ManagedPostgres::name, ManagedPostgres::statefulSet);
    }
}
