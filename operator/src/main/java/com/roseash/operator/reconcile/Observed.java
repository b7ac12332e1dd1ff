package com.roseash.operator.reconcile;

import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * What the cluster holds of one platform, as the status needs it: this version's migrations Job, each
 * service's Deployment by service name, and the managed Redis and PostgreSQL when there are any.
 */
record Observed(Optional<Job> migrations, Map<String, Deployment> services, Optional<Deployment> redis,
                Optional<StatefulSet> postgres) {
}
