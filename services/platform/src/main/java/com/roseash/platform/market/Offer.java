package com.roseash.platform.market;

import com.roseash.platform.money.Money;

/**
 * A published product as the market offers it to another service: what cart shows and charges, read from
 * the market, never from the browser.
 *
 * @param stock what is left; ignored when {@code unlimited}
 */
public record Offer(String slug, String title, Money price, boolean unlimited, int stock) {

    public boolean available(int quantity) {
        return unlimited || stock >= quantity;
    }
}
