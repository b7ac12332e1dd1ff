package com.roseash.cart.carts;

/** An item in a cart: whose, by slug, and how many. Titles and prices are the seller's, read when shown. */
public record CartItem(Seller seller, String slug, int quantity) {
}
