package com.roseash.cart.checkout;

/** Where an order's pages are on cart's host. */
public final class OrderPaths {

    /** Where {@code OrderPages} is mounted. */
    public static final String MOUNT = "/orders";
    public static final String ORDERS = MOUNT + "/";

    private OrderPaths() {
    }

    public static String order(String id) {
        return ORDERS + id + "/";
    }
}
