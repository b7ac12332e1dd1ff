package com.roseash.operator.reconcile;

import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.Migrations;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The migrations Job of the version the resource asks for; a new version is a new Job. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class MigrationsJobDependent extends OwnedChildDependent<Job> {

    public MigrationsJobDependent() {
        super(Job.class, Migrations::jobName, Migrations::job);
    }
}
