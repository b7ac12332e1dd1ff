package com.roseash.events.tickets;

import java.time.Instant;

/** An issued ticket: its code is the ticket (random, unguessable); checked in once; void if its order was refunded. */
public record Ticket(String code, String eventSlug, String eventTitle, String typeName, String orderId, String member,
                     String email, Instant issuedAt, Instant checkedInAt, Instant voidedAt) {

    public boolean checkedIn() {
        return checkedInAt != null;
    }

    public boolean voided() {
        return voidedAt != null;
    }
}
