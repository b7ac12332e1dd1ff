package com.roseash.cart.carts;

import com.roseash.platform.money.Money;

/**
 * A cart's line as its seller prices it now.
 *
 * @param url       the item's page on its seller's host
 * @param unitPrice null when the seller could not be asked, or no longer sells the item
 * @param problem   why the line cannot be bought as it is ("no longer for sale", "only 2 left"); empty when it can
 */
public record CartLine(Seller seller, String slug, String url, String title, int quantity, Money unitPrice, String problem) {

    public Money total() {
        return unitPrice == null ? null : unitPrice.times(quantity);
    }

    public boolean priced() {
        return unitPrice != null;
    }

    public boolean hasProblem() {
        return !problem.isEmpty();
    }

    /** Templates: the seller in forms and paths. */
    public String sellerId() {
        return seller.id();
    }
}
