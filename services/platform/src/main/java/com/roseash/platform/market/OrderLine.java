package com.roseash.platform.market;

import com.roseash.platform.money.Money;

/** One line of an order as the market reserved it: the product, how many, and the price each at that moment. */
public record OrderLine(String slug, String title, int quantity, Money unitPrice) {

    public Money total() {
        return unitPrice.times(quantity);
    }
}
