package com.roseash.platform.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.db.Migrator;
import com.roseash.platform.db.Transactions;
import com.roseash.platform.testing.TestPostgres;

/**
 * A fresh database on the shared test PostgreSQL with two domains, migrated with their copies of the event tables'
 * template: {@code shop} publishes (orders), {@code tickets} consumes (one ticket per paid order).
 */
final class EventsDatabase implements AutoCloseable {

    static final EventTables SHOP = new EventTables("shop");
    static final EventTables TICKETS = new EventTables("tickets");

    final DatabaseSettings settings;
    final Database database;

    EventsDatabase() {
        settings = TestPostgres.shared().newDatabase();
        new Migrator(settings, List.of(new DomainMigrations("shop"), new DomainMigrations("tickets"))).migrateAll();
        database = Database.connect(settings);
    }

    /** Another connection pool to the same database: what a second replica has. */
    Database replica() {
        return Database.connect(settings);
    }

    /** Publishes {@code order.paid} for {@code order} with its order row, committed. */
    DomainEvent pay(Outbox outbox, String order) {
        return Transactions.inTransaction(database.client(), tx -> {
            tx.dml("INSERT INTO shop.orders (id, status) VALUES (?, 'paid')"
                    + " ON CONFLICT (id) DO UPDATE SET status = 'paid'", order);
            return outbox.publish(tx, DomainEvent.of("shop", "order.paid", "order", order,
                    "{\"order\": \"" + order + "\"}"));
        });
    }

    long count(String sql) {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
