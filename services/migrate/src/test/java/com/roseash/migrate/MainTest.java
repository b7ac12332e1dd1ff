package com.roseash.migrate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import com.roseash.contract.ServiceName;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private static final Duration NO_WAIT = Duration.ZERO;
    /** The domains whose modules have landed, read from the contract rather than from Main, which is under test. */
    private static final List<DomainMigrations> LANDED = ServiceName.landed().stream()
            .map(service -> new DomainMigrations(service.id())).toList();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void appliesEveryLandedDomainAndASecondRunHasNothingToDo() throws SQLException {
        DatabaseSettings database = TestPostgres.shared().newDatabase();

        assertThat(run(database, NO_WAIT, Domains.ALL)).isZero();

        for (DomainMigrations domain : LANDED) {
            String shipped = domain.latestShippedVersion().orElseThrow().getVersion();
            assertThat(appliedVersion(database, domain.domain())).as(domain.domain()).isEqualTo(shipped);
            assertThat(text(out)).contains(domain.domain() + ": at version " + shipped + ", applied ");
        }
        assertThat(text(out)).endsWith("Migrations complete\n");

        out.reset();
        assertThat(run(database, NO_WAIT, Domains.ALL)).isZero();
        for (DomainMigrations domain : LANDED) {
            assertThat(text(out)).as("second run of " + domain.domain())
                    .contains(domain.domain() + ": at version " + domain.latestShippedVersion().orElseThrow().getVersion()
                            + ", applied 0\n");
        }
    }

    @Test
    void theImageCarriesMigrationsForEveryLandedServiceAndForNoOther() {
        for (ServiceName service : ServiceName.values()) {
            // A landed service without SQL here would start against a missing schema; SQL here for a service
            // the contract calls coming would never run.
            assertThat(new DomainMigrations(service.id()).latestShippedVersion())
                    .as(service.id() + (service.isLanded() ? " is landed: services/migrate/pom.xml must copy its SQL"
                            : " is not landed in the contract (ServiceName), yet its SQL is here"))
                    .matches(shipped -> shipped.isPresent() == service.isLanded());
        }
    }

    @Test
    void aFailingMigrationExitsOneNamingItAndTheDatabaseError() {
        DatabaseSettings database = TestPostgres.shared().newDatabase();

        int exit = run(database, NO_WAIT, List.of(new DomainMigrations("blog"), new DomainMigrations("faulty")));

        assertThat(exit).isEqualTo(1);
        assertThat(text(err)).startsWith("FAILED faulty/V1__bad_sql.sql: Migration faulty/V1__bad_sql.sql failed:")
                .contains("syntax error");
    }

    @Test
    void anUnreachableDatabaseExitsTwoWithTheReasonAfterWaiting() {
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + freePort() + "/none", "x", "", 1);

        int exit = run(nowhere, Duration.ofSeconds(2), Domains.ALL);

        assertThat(exit).isEqualTo(2);
        assertThat(text(out)).contains("Waiting for the database: Connection to 127.0.0.1");
        assertThat(text(err)).startsWith("FAILED before any migration ran: the database did not accept a login within PT2S:")
                .contains("Connection to 127.0.0.1");
    }

    @Test
    void aDatabaseThatStartsLateIsWaitedFor() throws Exception {
        DatabaseSettings database = TestPostgres.shared().newDatabase();
        URI real = URI.create(database.url().substring("jdbc:".length()));
        try (LateForwarder late = new LateForwarder(real.getHost(), real.getPort(), Duration.ofMillis(1500))) {
            DatabaseSettings throughLate = new DatabaseSettings(
                    "jdbc:postgresql://127.0.0.1:" + late.port() + real.getPath(), database.user(), database.password(), 1);

            assertThat(run(throughLate, Duration.ofSeconds(30), Domains.ALL)).isZero();

            assertThat(text(out)).contains("Waiting for the database").endsWith("Migrations complete\n");
        }
    }

    private static String appliedVersion(DatabaseSettings database, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT version FROM " + schema
                     + ".flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private int run(DatabaseSettings database, Duration wait, List<DomainMigrations> domains) {
        return Main.run(database, wait, domains, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
