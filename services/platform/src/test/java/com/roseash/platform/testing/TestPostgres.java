package com.roseash.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import com.roseash.platform.db.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for tests (Zonky's embedded binaries from Maven Central), started once per
 * JVM on a free loopback port. Each test takes a database of its own, so tests never see each other's rows.
 */
public final class TestPostgres {

    private static TestPostgres shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres server;

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static synchronized TestPostgres shared() {
        if (shared == null) {
            try {
                shared = new TestPostgres(EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("max_connections", "300")
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }
        return shared;
    }

    /** A fresh, empty database on the shared server. */
    public DatabaseSettings newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name, "postgres", "postgres", 5);
    }

    public int port() {
        return server.getPort();
    }
}
