package com.roseash.market.products;

/** A shelf of the market: products can stand on several. */
public record Category(String slug, String name, String description) {
}
