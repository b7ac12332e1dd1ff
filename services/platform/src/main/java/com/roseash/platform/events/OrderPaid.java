package com.roseash.platform.events;

import java.util.List;

/**
 * The payload of {@link EventType#ORDER_PAID}: what a member paid for, line by line with its seller ({@code market},
 * {@code events}), as the order holds it. {@code paidAt} is an ISO-8601 instant.
 */
public record OrderPaid(String orderId, String member, String email, String paidAt, List<Line> lines) {

    public OrderPaid {
        lines = List.copyOf(lines);
    }

    /** One line of the order: {@code quantity} of {@code slug} from {@code seller}, at a unit price in minor units. */
    public record Line(String seller, String slug, String title, int quantity, long unitPriceMinor, String currency) {
    }
}
