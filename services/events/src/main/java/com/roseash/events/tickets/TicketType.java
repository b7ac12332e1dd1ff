package com.roseash.events.tickets;

import java.time.Instant;

import com.roseash.platform.money.Money;

/** A kind of ticket for an event: its price, how many there are, when they are sold, and how many are left. */
public record TicketType(long id, long eventId, String slug, String name, Money price, int capacity, Instant saleStarts,
                         Instant saleEnds, long left) {

    /** Whether it is on sale at {@code now}: within its window (either end may be open). */
    public boolean onSale(Instant now) {
        return (saleStarts == null || !now.isBefore(saleStarts)) && (saleEnds == null || now.isBefore(saleEnds));
    }

    public boolean soldOut() {
        return left <= 0;
    }
}
