package com.roseash.platform.market;

import java.util.List;

/**
 * The market's answer to "hold this stock for order X": every line held, priced by the market, or nothing held
 * and the reason (naming the product) when any line cannot be.
 */
public sealed interface Reservation {

    /** Every line held. */
    record Held(String orderId, List<OrderLine> lines) implements Reservation {
    }

    /** Nothing held: {@code slug} is the product that could not be, {@code reason} says why, for people. */
    record Refused(String slug, String reason) implements Reservation {
    }
}
