package com.roseash.operator.reconcile;

import com.roseash.operator.desired.GeneratedSecrets;
import com.roseash.operator.desired.Labels;
import com.roseash.operator.desired.ManagedPostgres;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed database's URL, user and generated password: made when missing, never rewritten. */
@KubernetesDependent(useSSA = BooleanWithUndefined.TRUE, informer = @Informer(labelSelector = Labels.MANAGED_BY_OPERATOR))
public class PostgresCredentialsDependent extends OwnedChildDependent<Secret> {

    public PostgresCredentialsDependent() {
        super(Secret.class, ManagedPostgres::name, GeneratedSecrets::databaseSecret);
    }
}
