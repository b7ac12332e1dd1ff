package com.roseash.platform.events;

import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.eventroutes.EventRoutes;
import io.helidon.webserver.WebServer;

/**
 * A consumer replica for the crash tests whose handler issues the ticket and then hangs, its transaction open,
 * until the process is killed. Prints {@code PORT <n>} when it serves and {@code HANDLING <id>} once the ticket is
 * written. Arguments: database URL, user, password.
 */
public final class ConsumerProcess {

    private ConsumerProcess() {
    }

    public static void main(String[] args) {
        Database database = Database.connect(new DatabaseSettings(args[0], args[1], args[2], 2));
        EventRoutes routes = new EventRoutes(new EventInbox(database.client(), EventsDatabase.TICKETS))
                .on("order.paid", (tx, event) -> {
                    TicketsConsumer.issueTicket(tx, event);
                    System.out.println("HANDLING " + event.id());
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
        WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.register(EventRoutes.MOUNT, routes))
                .build().start();
        System.out.println("PORT " + server.port());
    }
}
