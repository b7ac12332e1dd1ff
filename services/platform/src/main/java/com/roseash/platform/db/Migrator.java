package com.roseash.platform.db;

import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * Applies every domain's pending migrations, one domain after another, each in its own schema with its
 * own history table. Stops at the first failure and names the failing migration.
 */
public final class Migrator {

    private final DatabaseSettings database;
    private final List<DomainMigrations> domains;

    public Migrator(DatabaseSettings database, List<DomainMigrations> domains) {
        this.database = database;
        this.domains = List.copyOf(domains);
    }

    /** One domain's outcome: the version it is at now and how many scripts this run applied. */
    public record Applied(String domain, String version, int migrationsExecuted) {
    }

    public List<Applied> migrateAll() {
        List<Applied> applied = new ArrayList<>();
        for (DomainMigrations domain : domains) {
            applied.add(migrate(domain));
        }
        return applied;
    }

    private Applied migrate(DomainMigrations domain) {
        Flyway flyway = Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .schemas(domain.domain())
                .defaultSchema(domain.domain())
                .table(DomainMigrations.HISTORY_TABLE)
                .locations(domain.location())
                .failOnMissingLocations(true)
                .cleanDisabled(true)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            return new Applied(domain.domain(), version == null ? "none" : version, result.migrationsExecuted);
        } catch (FlywayMigrateException e) {
            String script = e.getMigration() != null ? e.getMigration().getScript() : "unknown";
            throw new MigrationFailedException(domain.domain(), script,
                    "Migration " + domain.domain() + "/" + script + " failed: " + firstLine(e.getMessage()), e);
        } catch (FlywayException e) {
            throw new MigrationFailedException(domain.domain(), "unknown",
                    "Migrations of " + domain.domain() + " failed: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        return message.strip().lines().filter(l -> !l.isBlank()).limit(6).reduce((a, b) -> a + " | " + b.strip()).orElse(message);
    }
}
