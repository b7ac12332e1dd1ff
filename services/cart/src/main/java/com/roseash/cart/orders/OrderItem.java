package com.roseash.cart.orders;

import com.roseash.cart.carts.Seller;
import com.roseash.platform.market.OrderLine;
import com.roseash.platform.money.Money;

/** A line of an order as its seller held and priced it at checkout: never changed afterwards. */
public record OrderItem(Seller seller, String slug, String title, int quantity, Money unitPrice) {

    public static OrderItem of(Seller seller, OrderLine held) {
        return new OrderItem(seller, held.slug(), held.title(), held.quantity(), held.unitPrice());
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
