package com.roseash.cart.checkout;

import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.roseash.cart.carts.Seller;
import com.roseash.cart.carts.Sellers;
import com.roseash.cart.orders.OrderItem;
import com.roseash.cart.orders.OrderRepository;
import com.roseash.platform.market.MarketUnavailable;

/**
 * Gives an ended order's items back to their sellers (the market's stock, events' tickets). The order remembers
 * that they are held until every seller says they no longer are, so a release a seller missed (down, slow) is tried
 * again by the settler.
 */
public final class StockReleases {

    private static final System.Logger LOG = System.getLogger(StockReleases.class.getName());

    private final Sellers sellers;
    private final OrderRepository orders;

    public StockReleases(Sellers sellers, OrderRepository orders) {
        this.sellers = sellers;
        this.orders = orders;
    }

    /** True when no seller holds the order's items any more; false when one could not be asked (tried again later). */
    public boolean release(String orderId) {
        boolean all = true;
        Set<Seller> holding = orders.byId(orderId).map(order -> order.lines().stream().map(OrderItem::seller)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Seller.class)))).orElse(EnumSet.allOf(Seller.class));
        for (Seller seller : holding) {
            try {
                sellers.of(seller).release(orderId);
            } catch (MarketUnavailable e) {
                LOG.log(Level.WARNING, "What " + seller.id() + " holds for order " + orderId
                        + " is still held; it is given back later: " + e.getMessage());
                all = false;
            }
        }
        if (all) {
            orders.stockReleased(orderId);
        }
        return all;
    }

    /** Tries again every release that did not go through; returns how many did now. */
    public int retryPending() {
        int released = 0;
        for (String orderId : orders.stockToRelease(100)) {
            if (release(orderId)) {
                released++;
            }
        }
        return released;
    }
}
