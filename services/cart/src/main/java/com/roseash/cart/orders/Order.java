package com.roseash.cart.orders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.roseash.platform.money.Money;

/**
 * An order as it is kept: who placed it, what its sellers held and priced for it, and where its payment is.
 *
 * @param checkoutId    SumUp's checkout collecting it; empty until one was made
 * @param transactionId SumUp's transaction that paid it, which a refund names; empty until paid
 */
public record Order(String id, String member, String email, OrderState state, Money total, Optional<String> checkoutId,
                    Optional<String> transactionId, Instant createdAt, Optional<Instant> paidAt, List<OrderItem> lines) {

    public Order {
        lines = List.copyOf(lines);
    }

    public boolean isFor(String subject) {
        return member.equals(subject);
    }

    /** Templates: {@code {{#order.payable}}}. */
    public boolean payable() {
        return state == OrderState.PENDING_PAYMENT;
    }

    /** Templates: {@code {{#paid}}}, what editors may fulfil or refund. */
    public boolean paid() {
        return state == OrderState.PAID;
    }

    /** Templates: the state as shown, "pending payment". */
    public String stateLabel() {
        return state.dbValue().replace('_', ' ');
    }

    /** Templates: the state as a class name, "pending_payment". */
    public String stateName() {
        return state.dbValue();
    }
}
