package com.roseash.platform.db;

import java.util.Optional;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Readiness: false while the database is unreachable or its schema is older than the migrations this
 * build ships (the migrations Job has not run yet). Services never migrate on start.
 */
public final class SchemaReadiness implements HealthCheck {

    private final Database database;
    private final DomainMigrations domain;
    private final Optional<MigrationVersion> expected;

    public SchemaReadiness(Database database, DomainMigrations domain) {
        this.database = database;
        this.domain = domain;
        this.expected = domain.latestShippedVersion();
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                .detail("schema", domain.domain())
                .detail("expectedVersion", expected.map(MigrationVersion::getVersion).orElse("none"));
        Optional<String> current;
        try {
            current = currentVersion();
        } catch (RuntimeException e) {
            return response.status(HealthCheckResponse.Status.DOWN)
                    .detail("error", "database unreachable")
                    .build();
        }
        response.detail("currentVersion", current.orElse("none"));
        boolean upToDate = expected.isEmpty()
                || current.map(MigrationVersion::fromVersion).filter(v -> v.compareTo(expected.get()) >= 0).isPresent();
        if (!upToDate) {
            response.detail("error", "schema not migrated");
        }
        return response.status(upToDate ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN).build();
    }

    private Optional<String> currentVersion() {
        boolean hasHistory = database.client().execute()
                .get("SELECT to_regclass(?) IS NOT NULL AS present", domain.domain() + "." + DomainMigrations.HISTORY_TABLE)
                .map(row -> row.column("present").getBoolean())
                .orElse(false);
        if (!hasHistory) {
            return Optional.empty();
        }
        return database.client().execute()
                .query("SELECT version FROM " + domain.domain() + "." + DomainMigrations.HISTORY_TABLE
                        + " WHERE success AND version IS NOT NULL")
                .map(row -> row.column("version").getString())
                .map(MigrationVersion::fromVersion)
                .max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion);
    }
}
