package com.roseash.cart.carts;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.market.MarketClient;

/** A client of each seller's contract, at its internal address. */
public final class Sellers {

    private final Map<Seller, MarketClient> clients;

    public Sellers(Map<Seller, MarketClient> clients) {
        this.clients = new EnumMap<>(clients);
    }

    public static Sellers from(RoseAshConfig config, Duration timeout) {
        Map<Seller, MarketClient> clients = new EnumMap<>(Seller.class);
        for (Seller seller : Seller.values()) {
            clients.put(seller, new MarketClient(config.string(PlatformSettings.internalUrl(seller.service())), seller.mount(),
                    timeout));
        }
        return new Sellers(clients);
    }

    public MarketClient of(Seller seller) {
        return clients.get(seller);
    }
}
