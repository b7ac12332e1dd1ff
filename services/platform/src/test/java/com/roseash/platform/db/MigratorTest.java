package com.roseash.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import com.roseash.platform.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigratorTest {

    private final DatabaseSettings database = TestPostgres.shared().newDatabase();

    @Test
    void eachDomainGetsItsSchemaAndItsOwnHistoryTable() throws SQLException {
        List<Migrator.Applied> applied = new Migrator(database,
                List.of(new DomainMigrations("alpha"), new DomainMigrations("beta"))).migrateAll();

        assertThat(applied).containsExactly(new Migrator.Applied("alpha", "2", 2), new Migrator.Applied("beta", "1", 1));
        assertThat(count("SELECT count(*) FROM alpha.flyway_schema_history WHERE success AND version IS NOT NULL")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM beta.flyway_schema_history WHERE success AND version IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM information_schema.columns"
                + " WHERE table_schema = 'alpha' AND table_name = 'notes' AND column_name = 'title'")).isEqualTo(1);
    }

    @Test
    void aSecondRunAppliesNothing() {
        Migrator migrator = new Migrator(database, List.of(new DomainMigrations("alpha")));
        migrator.migrateAll();

        assertThat(migrator.migrateAll()).containsExactly(new Migrator.Applied("alpha", "2", 0));
    }

    @Test
    void aFailingMigrationIsNamedAndStopsTheDomainsAfterIt() throws SQLException {
        Migrator migrator = new Migrator(database,
                List.of(new DomainMigrations("alpha"), new DomainMigrations("broken"), new DomainMigrations("beta")));

        assertThatThrownBy(migrator::migrateAll)
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("broken/V2__typo.sql")
                .satisfies(e -> assertThat(((MigrationFailedException) e).migration()).isEqualTo("V2__typo.sql"));
        assertThat(count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'beta'")).isZero();
        assertThat(count("SELECT count(*) FROM broken.flyway_schema_history WHERE success AND version = '1'")).isEqualTo(1);
    }

    @Test
    void theShippedVersionIsReadFromTheClasspath() {
        assertThat(new DomainMigrations("alpha").latestShippedVersion()).map(Object::toString).contains("2");
        assertThat(new DomainMigrations("nothing-here").latestShippedVersion()).isEmpty();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
