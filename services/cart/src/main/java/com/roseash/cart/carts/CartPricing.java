package com.roseash.cart.carts;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.roseash.platform.market.MarketUnavailable;
import com.roseash.platform.market.Offer;

/**
 * Prices a cart with what its sellers offer now. The cart keeps only sellers, slugs and quantities: a title or
 * price changed by the seller shows at once, and an item withdrawn shows as no longer for sale. Each seller is
 * asked for its own items; one that cannot be asked leaves only its lines unpriced, shown by slug, so the cart is
 * still shown rather than failing.
 */
public final class CartPricing {

    private static final System.Logger LOG = System.getLogger(CartPricing.class.getName());

    /** A seller's offers among some slugs; may throw {@link MarketUnavailable}. */
    @FunctionalInterface
    public interface Offers {
        List<Offer> of(Seller seller, List<String> slugs);
    }

    private final Offers offers;
    private final Map<Seller, String> sellerUrls;

    /**
     * @param offers     the sellers themselves, or {@link KeptOffers} for the header's mini cart
     * @param sellerUrls each seller's public address, ending in "/", for links to its items
     */
    public CartPricing(Offers offers, Map<Seller, String> sellerUrls) {
        this.offers = offers;
        this.sellerUrls = new EnumMap<>(sellerUrls);
    }

    public static CartPricing fresh(Sellers sellers, Map<Seller, String> sellerUrls) {
        return new CartPricing((seller, slugs) -> sellers.of(seller).offers(slugs), sellerUrls);
    }

    public static CartPricing kept(KeptOffers kept, Map<Seller, String> sellerUrls) {
        return new CartPricing(kept::offers, sellerUrls);
    }

    public PricedCart price(List<CartItem> items) {
        if (items.isEmpty()) {
            return new PricedCart(List.of(), false);
        }
        Map<Seller, List<String>> bySeller = new LinkedHashMap<>();
        items.forEach(item -> bySeller.computeIfAbsent(item.seller(), s -> new ArrayList<>()).add(item.slug()));
        Map<Seller, Map<String, Offer>> offered = new HashMap<>();
        boolean unavailable = false;
        for (Map.Entry<Seller, List<String>> seller : bySeller.entrySet()) {
            try {
                Map<String, Offer> found = new HashMap<>();
                offers.of(seller.getKey(), seller.getValue()).forEach(offer -> found.put(offer.slug(), offer));
                offered.put(seller.getKey(), found);
            } catch (MarketUnavailable e) {
                LOG.log(Level.WARNING, "Showing " + seller.getKey().id() + "'s lines without prices: " + e.getMessage());
                unavailable = true;
            }
        }
        List<CartLine> lines = new ArrayList<>();
        for (CartItem item : items) {
            Map<String, Offer> found = offered.get(item.seller());
            lines.add(found == null ? unpriced(item) : line(item, found.get(item.slug())));
        }
        return new PricedCart(lines, unavailable);
    }

    private String url(CartItem item) {
        return sellerUrls.getOrDefault(item.seller(), "/") + item.seller().itemPath(item.slug());
    }

    private CartLine unpriced(CartItem item) {
        return new CartLine(item.seller(), item.slug(), url(item), item.slug(), item.quantity(), null, "");
    }

    private CartLine line(CartItem item, Offer offer) {
        if (offer == null) {
            return new CartLine(item.seller(), item.slug(), url(item), item.slug(), item.quantity(), null, "No longer for sale");
        }
        String problem = offer.available(item.quantity()) ? ""
                : offer.stock() == 0 ? "Out of stock" : "Only " + offer.stock() + " left";
        return new CartLine(item.seller(), item.slug(), url(item), offer.title(), item.quantity(), offer.price(), problem);
    }
}
