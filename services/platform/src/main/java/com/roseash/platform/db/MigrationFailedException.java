package com.roseash.platform.db;

/** A domain's migrations could not be applied; the message names the domain and the failing migration. */
public final class MigrationFailedException extends RuntimeException {

    private final String domain;
    private final String migration;

    public MigrationFailedException(String domain, String migration, String message, Throwable cause) {
        super(message, cause);
        this.domain = domain;
        this.migration = migration;
    }

    public String domain() {
        return domain;
    }

    /** The failing script, for example {@code V2__add_tags.sql}, or "unknown" when Flyway did not say. */
    public String migration() {
        return migration;
    }
}
