package com.roseash.operator.reconcile;

import java.util.concurrent.atomic.AtomicLong;

/** Counts for the metrics endpoint: reconciles run and reconciles that failed. */
public final class ReconcileStatistics {

    private final AtomicLong reconciles = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    void reconciled() {
        reconciles.incrementAndGet();
    }

    void failed() {
        failures.incrementAndGet();
    }

    public long reconciles() {
        return reconciles.get();
    }

    public long failures() {
        return failures.get();
    }
}
