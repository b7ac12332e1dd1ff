package com.roseash.cart.checkout;

/** Where an order's pages are on cart's host. */
public final class OrderPaths {

    public static final String ORDERS = "/orders/";

    private OrderPaths() {
    }

    public static String order(String id) {
        return ORDERS + id + "/";
    }
}
