package com.roseash.cart.orders;

/** A change the order's state machine does not allow (a failed order paid, a refunded one fulfilled). */
public final class IllegalOrderChange extends IllegalStateException {

    public IllegalOrderChange(OrderState from, OrderState to) {
        super("An order that is " + from.dbValue().replace('_', ' ') + " cannot become " + to.dbValue().replace('_', ' '));
    }
}
