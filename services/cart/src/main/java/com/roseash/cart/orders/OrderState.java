package com.roseash.cart.orders;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Where an order is in its life. Placed orders wait for payment; a paid order is fulfilled or refunded; the
 * others end there. Every change goes through {@link #canBecome}, so an illegal one (a failed order paid, a
 * refunded one fulfilled) is refused rather than written.
 */
public enum OrderState {
    PENDING_PAYMENT,
    PAID,
    FULFILLED,
    FAILED,
    EXPIRED,
    CANCELLED,
    REFUNDED;

    /** Whether an order in this state may move to {@code next}. */
    public boolean canBecome(OrderState next) {
        return next(this).contains(next);
    }

    /** No way out: fulfilled, failed, expired, cancelled, refunded. */
    public boolean isFinal() {
        return next(this).isEmpty();
    }

    /** The form stored in the database and shown in URLs: {@code pending_payment}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderState fromDb(String value) {
        return Arrays.stream(values()).filter(state -> state.dbValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no order state " + value));
    }

    private static Set<OrderState> next(OrderState from) {
        return switch (from) {
            case PENDING_PAYMENT -> Set.of(PAID, FAILED, EXPIRED, CANCELLED);
            case PAID -> Set.of(FULFILLED, REFUNDED);
            case FULFILLED, FAILED, EXPIRED, CANCELLED, REFUNDED -> Set.of();
        };
    }
}
