package com.roseash.cart.carts;

/** A product in a cart, by slug, and how many. Titles and prices are the market's, read when shown. */
public record CartItem(String slug, int quantity) {
}
