package com.roseash.cart.carts;

import com.roseash.platform.money.Money;

/**
 * A cart's line as the market prices it now.
 *
 * @param unitPrice null when the market could not be asked, or no longer sells the product
 * @param problem   why the line cannot be bought as it is ("no longer for sale", "only 2 left"); empty when it can
 */
public record CartLine(String slug, String title, int quantity, Money unitPrice, String problem) {

    public Money total() {
        return unitPrice == null ? null : unitPrice.times(quantity);
    }

    public boolean priced() {
        return unitPrice != null;
    }

    public boolean hasProblem() {
        return !problem.isEmpty();
    }
}
