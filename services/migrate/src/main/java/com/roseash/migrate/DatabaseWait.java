package com.roseash.migrate;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.roseash.platform.db.DatabaseSettings;

/**
 * Waits until the database accepts a login: on a first install the operator starts the managed
 * PostgreSQL and the migrations Job together, and the Job must not spend its one retry on a server that
 * is still initialising. Every failed attempt is reported with its reason.
 */
final class DatabaseWait {

    private static final Duration PAUSE = Duration.ofSeconds(1);

    private DatabaseWait() {
    }

    /** Null once a login succeeded; otherwise the last reason, after {@code timeout}. */
    static String until(DatabaseSettings database, Duration timeout, PrintStream out) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Connection ignored = DriverManager.getConnection(database.url(), database.user(), database.password())) {
                return null;
            } catch (SQLException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage().lines().findFirst().orElse("");
                if (!Instant.now().plus(PAUSE).isBefore(deadline)) {
                    return reason;
                }
                out.println("Waiting for the database: " + reason);
                try {
                    TimeUnit.MILLISECONDS.sleep(PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            }
        }
    }
}
