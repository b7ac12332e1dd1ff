package com.roseash.migrate;

import java.util.List;

import com.roseash.platform.contract.ServiceName;
import com.roseash.platform.db.DomainMigrations;

/** The domains whose module has landed, in {@link ServiceName} order: what the Job and the local stack migrate. */
public final class Domains {

    public static final List<DomainMigrations> ALL = List.of(
            new DomainMigrations(ServiceName.BLOG.id()),
            new DomainMigrations(ServiceName.FEDERATION.id()),
            new DomainMigrations(ServiceName.ACCOUNT.id()));

    private Domains() {
    }
}
