package com.roseash.cart.orders;

import java.time.Instant;

/** One line of an order's history: a change of state, why, and when. */
public record OrderChange(String from, String to, String reason, Instant at) {
}
