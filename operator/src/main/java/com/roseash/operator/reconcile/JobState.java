package com.roseash.operator.reconcile;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;

/** Where a migrations Job stands, from its conditions as the Job controller sets them. */
enum JobState {
    PENDING, RUNNING, SUCCEEDED, FAILED;

    static JobState of(Job job) {
        if (condition(job, "Complete") != null) {
            return SUCCEEDED;
        }
        if (condition(job, "Failed") != null) {
            return FAILED;
        }
        return job.getStatus() == null ? PENDING : RUNNING;
    }

    /** The True condition of the given type, or null. */
    static JobCondition condition(Job job, String type) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return null;
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst().orElse(null);
    }
}
