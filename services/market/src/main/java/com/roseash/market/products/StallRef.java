package com.roseash.market.products;

/** Who sells a product, as its page names them. */
public record StallRef(String slug, String name) {
}
