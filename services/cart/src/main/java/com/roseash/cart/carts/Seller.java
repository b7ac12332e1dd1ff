package com.roseash.cart.carts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.roseash.contract.ServiceName;
import com.roseash.platform.market.MarketContract;

/**
 * Whose items a cart holds: the market's products and events' tickets. Both serve the seller contract
 * ({@link MarketContract}) on their internal sockets, each at its own mount; an item's page is on the seller's host.
 */
public enum Seller {
    MARKET(ServiceName.MARKET, MarketContract.MOUNT, "products/"),
    EVENTS(ServiceName.EVENTS, MarketContract.TICKETS_MOUNT, "ticket-types/");

    private final ServiceName service;
    private final String mount;
    private final String itemPath;

    Seller(ServiceName service, String mount, String itemPath) {
        this.service = service;
        this.mount = mount;
        this.itemPath = itemPath;
    }

    /** The name in forms, rows and {@code order.paid} lines: {@code market}, {@code events}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ServiceName service() {
        return service;
    }

    public String mount() {
        return mount;
    }

    /** An item's page under the seller's public address: {@code products/<slug>/}. */
    public String itemPath(String slug) {
        return itemPath + slug + "/";
    }

    public static Optional<Seller> of(String id) {
        return Arrays.stream(values()).filter(seller -> seller.id().equals(id)).findFirst();
    }
}
