package com.roseash.events.tickets;

import java.lang.System.Logger.Level;
import java.util.Optional;

import com.roseash.platform.events.DomainEvent;
import com.roseash.platform.events.EventJson;
import com.roseash.platform.events.OrderPaid;
import io.helidon.dbclient.DbTransaction;

/**
 * Issues the tickets of a paid order ({@code order.paid}, from cart): for each line of the events seller, as many
 * tickets as were paid for, each with its own code. Runs in the event inbox's transaction, so a redelivered event
 * issues nothing twice; and an order's tickets of a type are issued once even if its event came twice under
 * different ids. The buyer is mailed afterwards ({@link TicketMails}).
 */
public final class TicketIssuer {

    /** The seller name cart gives ticket lines. */
    public static final String SELLER = "events";
    private static final System.Logger LOG = System.getLogger(TicketIssuer.class.getName());

    private final TicketRepository tickets;

    public TicketIssuer(TicketRepository tickets) {
        this.tickets = tickets;
    }

    public void handle(DbTransaction tx, DomainEvent event) {
        OrderPaid paid = EventJson.payload(event, OrderPaid.class);
        for (OrderPaid.Line line : paid.lines()) {
            if (!SELLER.equals(line.seller())) {
                continue;
            }
            Optional<Long> type = tx.get("SELECT id FROM events.ticket_types WHERE slug = ?", line.slug())
                    .map(row -> row.column("id").getLong());
            if (type.isEmpty()) {
                // Deleted since checkout: the money is taken, so say so loudly for an organiser to refund.
                LOG.log(Level.ERROR, "Order " + paid.orderId() + " paid for " + line.quantity() + " of ticket type "
                        + line.slug() + ", which no longer exists: no tickets issued");
                continue;
            }
            tickets.issue(tx, type.get(), paid.orderId(), paid.member(), paid.email(), line.quantity());
        }
    }
}
