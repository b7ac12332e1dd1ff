package com.roseash.cart.checkout;

import java.lang.System.Logger.Level;

import com.roseash.cart.orders.OrderRepository;
import com.roseash.platform.market.MarketClient;
import com.roseash.platform.market.MarketUnavailable;

/**
 * Gives an ended order's stock back to the market. The order remembers that the market still holds it until the
 * market says it no longer does, so a release the market missed (down, slow) is tried again by the settler.
 */
public final class StockReleases {

    private static final System.Logger LOG = System.getLogger(StockReleases.class.getName());

    private final MarketClient market;
    private final OrderRepository orders;

    public StockReleases(MarketClient market, OrderRepository orders) {
        this.market = market;
        this.orders = orders;
    }

    /** True when the market no longer holds the order's stock; false when it could not be asked (tried again later). */
    public boolean release(String orderId) {
        try {
            market.release(orderId);
            orders.stockReleased(orderId);
            return true;
        } catch (MarketUnavailable e) {
            LOG.log(Level.WARNING, "The stock of order " + orderId + " is still held; it is given back later: " + e.getMessage());
            return false;
        }
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
