package com.roseash.cart.carts;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.roseash.platform.market.MarketClient;
import com.roseash.platform.market.MarketUnavailable;
import com.roseash.platform.market.Offer;

/**
 * Prices a cart with what the market offers now. The cart keeps only slugs and quantities: a title or price
 * changed in the market shows at once, and a product withdrawn shows as no longer for sale. With the market
 * down, the cart is still shown (by slug, without prices) rather than failing.
 */
public final class CartPricing {

    private static final System.Logger LOG = System.getLogger(CartPricing.class.getName());

    private final Function<List<String>, List<Offer>> offers;

    /** Prices from {@code offers}: the market itself, or {@link KeptOffers} for the header's mini cart. */
    public CartPricing(Function<List<String>, List<Offer>> offers) {
        this.offers = offers;
    }

    public static CartPricing fresh(MarketClient market) {
        return new CartPricing(market::offers);
    }

    public static CartPricing kept(KeptOffers kept) {
        return new CartPricing(kept::offers);
    }

    public PricedCart price(List<CartItem> items) {
        if (items.isEmpty()) {
            return new PricedCart(List.of(), false);
        }
        Map<String, Offer> offered;
        try {
            offered = offers.apply(items.stream().map(CartItem::slug).toList()).stream()
                    .collect(Collectors.toMap(Offer::slug, Function.identity()));
        } catch (MarketUnavailable e) {
            LOG.log(Level.WARNING, "Showing a cart without prices: " + e.getMessage());
            return new PricedCart(items.stream()
                    .map(item -> new CartLine(item.slug(), item.slug(), item.quantity(), null, "")).toList(), true);
        }
        return new PricedCart(items.stream().map(item -> line(item, offered.get(item.slug()))).toList(), false);
    }

    private static CartLine line(CartItem item, Offer offer) {
        if (offer == null) {
            return new CartLine(item.slug(), item.slug(), item.quantity(), null, "No longer for sale");
        }
        String problem = offer.available(item.quantity()) ? ""
                : offer.stock() == 0 ? "Out of stock" : "Only " + offer.stock() + " left";
        return new CartLine(item.slug(), offer.title(), item.quantity(), offer.price(), problem);
    }
}
