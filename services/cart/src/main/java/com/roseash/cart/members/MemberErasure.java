package com.roseash.cart.members;

import com.roseash.cart.carts.CartRepository;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.platform.events.DomainEvent;
import com.roseash.platform.events.EventJson;
import com.roseash.platform.events.MemberDeleted;
import io.helidon.dbclient.DbTransaction;

/**
 * {@code member.deleted}: the member's cart goes; their orders stay for the accounts (amounts, lines, dates, states,
 * SumUp's ids) but no longer name them. In the event inbox's transaction: once, whatever the retries.
 */
public final class MemberErasure {

    private final CartRepository carts;
    private final OrderRepository orders;

    public MemberErasure(CartRepository carts, OrderRepository orders) {
        this.carts = carts;
        this.orders = orders;
    }

    public void handle(DbTransaction tx, DomainEvent event) {
        MemberDeleted deleted = EventJson.payload(event, MemberDeleted.class);
        carts.forgetMember(tx, deleted.subject());
        orders.forgetMember(tx, deleted.subject());
    }
}
