package com.roseash.platform.events;

import java.net.URI;

import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;

/**
 * A producer replica for the crash tests: runs an {@link OutboxProcessor} on the {@code shop} outbox, delivering
 * {@code order.paid} to the subscriber {@code tickets} at the endpoint given, until it is killed.
 * Arguments: database URL, user, password, endpoint.
 */
public final class ProcessorProcess {

    private ProcessorProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        Database database = Database.connect(new DatabaseSettings(args[0], args[1], args[2], 2));
        Subscriptions subscriptions = new Subscriptions().subscribe("order.paid", new Subscriber("tickets", URI.create(args[3])));
        new OutboxProcessor(database, EventsDatabase.SHOP, subscriptions, OutboxSettings.defaults()).start();
        System.out.println("STARTED");
        Thread.sleep(Long.MAX_VALUE);
    }
}
