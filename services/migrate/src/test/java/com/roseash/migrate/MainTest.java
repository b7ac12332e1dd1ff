package com.roseash.migrate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void appliesEveryLandedDomainAndExitsZero() throws SQLException {
        DatabaseSettings database = TestPostgres.shared().newDatabase();

        int exit = run(database, Main.DOMAINS);

        assertThat(exit).isZero();
        assertThat(text(out)).contains("blog: at version").contains("federation: at version").contains("Migrations complete");
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM blog.flyway_schema_history WHERE success AND version IS NOT NULL")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
        }
        assertThat(run(database, Main.DOMAINS)).as("a second run has nothing to do").isZero();
    }

    @Test
    void aFailingMigrationExitsNonZeroAndNamesIt() {
        DatabaseSettings database = TestPostgres.shared().newDatabase();

        int exit = run(database, List.of(new DomainMigrations("blog"), new DomainMigrations("faulty")));

        assertThat(exit).isEqualTo(1);
        assertThat(text(err)).contains("FAILED faulty/V1__bad_sql.sql");
    }

    @Test
    void anUnreachableDatabaseExitsNonZeroWithTheReason() {
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none", "x", "", 1);

        assertThat(run(nowhere, Main.DOMAINS)).isNotZero();
        assertThat(text(err)).startsWith("FAILED");
    }

    private int run(DatabaseSettings database, List<DomainMigrations> domains) {
        return Main.run(database, domains, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
