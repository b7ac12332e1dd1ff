package com.roseash.market.products;

import com.roseash.platform.money.Money;

/**
 * A product as a list or a card shows it.
 *
 * @param image the first image's URL, or empty
 */
public record ProductSummary(String slug, String title, Money price, String image, Stock stock) {

    public boolean hasImage() {
        return !image.isEmpty();
    }
}
