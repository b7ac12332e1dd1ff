package com.roseash.events.members;

import com.roseash.events.bookings.BookingRepository;
import com.roseash.events.tickets.TicketRepository;
import com.roseash.platform.events.DomainEvent;
import com.roseash.platform.events.EventJson;
import com.roseash.platform.events.MemberDeleted;
import io.helidon.dbclient.DbTransaction;

/**
 * {@code member.deleted}: the member's bookings go (their places to who waits), and their tickets stop naming them
 * (paid for, they still admit whoever holds the code). In the event inbox's transaction: once, whatever the retries.
 */
public final class MemberErasure {

    private final BookingRepository bookings;
    private final TicketRepository tickets;

    public MemberErasure(BookingRepository bookings, TicketRepository tickets) {
        this.bookings = bookings;
        this.tickets = tickets;
    }

    public void handle(DbTransaction tx, DomainEvent event) {
        MemberDeleted deleted = EventJson.payload(event, MemberDeleted.class);
        bookings.forgetMember(tx, deleted.subject());
        tickets.forgetMember(tx, deleted.subject());
    }
}
