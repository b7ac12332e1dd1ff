package com.roseash.operator.runtime;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

/**
 * Counts the write requests (POST, PUT, PATCH, DELETE) the operator sends to the API server, leader
 * election's lease renewals apart: a reconcile with nothing to change must add none.
 */
public final class ApiWriteCounter implements Interceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final AtomicLong writes = new AtomicLong();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (WRITES.contains(request.method()) && !request.uri().getPath().startsWith("/apis/coordination.k8s.io/")) {
            writes.incrementAndGet();
        }
    }

    public long writes() {
        return writes.get();
    }
}
