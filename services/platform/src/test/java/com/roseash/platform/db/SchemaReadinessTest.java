package com.roseash.platform.db;

import java.util.List;

import com.roseash.platform.testing.TestPostgres;
import com.roseash.platform.testing.TestRedis;
import io.helidon.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaReadinessTest {

    @Test
    void notReadyUntilTheMigrationsJobHasRunThenReady() {
        DatabaseSettings settings = TestPostgres.shared().newDatabase();
        try (Database database = Database.connect(settings)) {
            SchemaReadiness readiness = new SchemaReadiness(database, new DomainMigrations("alpha"));

            HealthCheckResponse before = readiness.call();
            assertThat(before.status()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(before.details()).containsEntry("error", "schema not migrated").containsEntry("expectedVersion", "2");

            new Migrator(settings, List.of(new DomainMigrations("alpha"))).migrateAll();

            HealthCheckResponse after = readiness.call();
            assertThat(after.status()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(after.details()).containsEntry("currentVersion", "2");
        }
    }

    @Test
    void notReadyWhileTheDatabaseIsUnreachable() {
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + TestRedis.freePort() + "/none",
                "nobody", "", 2);
        try (Database database = Database.connect(nowhere)) {
            HealthCheckResponse response = new SchemaReadiness(database, new DomainMigrations("alpha")).call();

            assertThat(response.status()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.details()).containsEntry("error", "database unreachable");
            assertThat(database.isReachable()).isFalse();
        }
    }
}
