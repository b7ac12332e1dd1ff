package com.roseash.cart.orders;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static com.roseash.cart.orders.OrderState.CANCELLED;
import static com.roseash.cart.orders.OrderState.EXPIRED;
import static com.roseash.cart.orders.OrderState.FAILED;
import static com.roseash.cart.orders.OrderState.FULFILLED;
import static com.roseash.cart.orders.OrderState.PAID;
import static com.roseash.cart.orders.OrderState.PENDING_PAYMENT;
import static com.roseash.cart.orders.OrderState.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderStateTest {

    /** The order's life as issue 12 states it, written out independently of the enum's own table. */
    private static final Map<OrderState, Set<OrderState>> ALLOWED = Map.of(
            PENDING_PAYMENT, Set.of(PAID, FAILED, EXPIRED, CANCELLED),
            PAID, Set.of(FULFILLED, REFUNDED));

    @Test
    void everyPairOfStatesIsAllowedExactlyWhenTheLifeOfAnOrderSaysSo() {
        for (OrderState from : OrderState.values()) {
            for (OrderState to : OrderState.values()) {
                boolean allowed = ALLOWED.getOrDefault(from, Set.of()).contains(to);
                assertThat(from.canBecome(to)).as("%s -> %s", from, to).isEqualTo(allowed);
            }
        }
    }

    @Test
    void finalStatesAreThoseWithNoWayOut() {
        assertThat(EnumSet.allOf(OrderState.class)).filteredOn(OrderState::isFinal)
                .containsExactlyInAnyOrder(FULFILLED, FAILED, EXPIRED, CANCELLED, REFUNDED);
    }

    @Test
    void statesAreStoredByName() {
        assertThat(PENDING_PAYMENT.dbValue()).isEqualTo("pending_payment");
        for (OrderState state : OrderState.values()) {
            assertThat(OrderState.fromDb(state.dbValue())).isEqualTo(state);
        }
        assertThatThrownBy(() -> OrderState.fromDb("shipped")).hasMessageContaining("no order state shipped");
    }
}
