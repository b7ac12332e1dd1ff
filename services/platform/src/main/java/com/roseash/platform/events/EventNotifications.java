package com.roseash.platform.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import com.roseash.platform.db.DatabaseSettings;
import org.postgresql.PGConnection;

/**
 * Waits for {@link Outbox#publish}'s notifications on a connection of its own (outside the pool: a LISTEN
 * belongs to one session). When the connection is lost, waiting degrades to sleeping until the next safety
 * poll, and the next wait connects again.
 */
final class EventNotifications implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EventNotifications.class.getName());

    private final DatabaseSettings database;
    private final String channel;
    private Connection connection;

    EventNotifications(DatabaseSettings database, String channel) {
        this.database = database;
        this.channel = channel;
    }

    /** Starts listening now, so a publish from here on wakes the next {@link #await}; a failure is retried there. */
    void listen() {
        try {
            connected();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "Listening on " + channel + " failed: " + e.getMessage());
            closeQuietly();
        }
    }

    /** Returns when a notification arrives or after {@code timeout}, whichever is first. */
    void await(Duration timeout) throws InterruptedException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try {
            // getNotifications(millis) blocks on the socket until a notification or the timeout; 0 would mean forever.
            connected().unwrap(PGConnection.class).getNotifications(millis);
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "Listening on " + channel + " failed: " + e.getMessage());
            closeQuietly();
            Thread.sleep(millis);
        }
    }

    private Connection connected() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(database.url(), database.user(), database.password());
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + channel);
            }
        }
        return connection;
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken.
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
