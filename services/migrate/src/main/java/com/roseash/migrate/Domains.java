package com.roseash.migrate;

import java.util.List;

import com.roseash.contract.ServiceName;
import com.roseash.platform.db.DomainMigrations;

/**
 * Every landed service's domain, in {@link ServiceName} order: what the Job and the local stack migrate.
 * Their SQL reaches this module's classpath through the resources its pom copies; {@code MainTest} fails
 * when a landed domain has none, or another domain has some.
 */
public final class Domains {

    public static final List<DomainMigrations> ALL = ServiceName.landed().stream()
            .map(service -> new DomainMigrations(service.id()))
            .toList();

    private Domains() {
    }
}
