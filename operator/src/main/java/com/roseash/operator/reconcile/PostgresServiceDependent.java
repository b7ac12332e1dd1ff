package com.roseash.operator.reconcile;

import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.ManagedPostgres;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed PostgreSQL Service. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class PostgresServiceDependent extends AppliedChildDependent<Service> {

    public PostgresServiceDependent() {
        super(Service.class, ManagedPostgres::name, ManagedPostgres::service);
    }
}
