package com.roseash.operator.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * What the cluster holds of one platform, as the status needs it: this version's migrations Job, each
 * service's Deployment by service name, the managed Redis and PostgreSQL when there are any, and the
 * pods of each service that has not rolled out (StatusReport.notRolledOut), by service name: the status
 * tells why those are not ready.
 */
record Observed(Optional<Job> migrations, Map<String, Deployment> services, Optional<Deployment> redis,
                Optional<StatefulSet> postgres, Map<String, List<Pod>> pods) {
}
