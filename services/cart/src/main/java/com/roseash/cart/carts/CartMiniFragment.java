package com.roseash.cart.carts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.roseash.platform.fragments.CartMini;
import com.roseash.platform.fragments.FragmentRoutes;
import com.roseash.platform.web.Templates;
import io.helidon.webserver.http.ServerRequest;

/**
 * The header's mini cart ({@link CartMini}): how many things are in the cart and what they come to, linking to the
 * cart's page. Without {@code ?cart=} it is the empty cart, the same for everyone (kept by the pages that show it);
 * with one, that cart's.
 */
public final class CartMiniFragment {

    public static final String TYPE = CartMini.FRAGMENT.type();

    private final CartRepository carts;
    private final CartPricing pricing;
    private final Templates templates;
    private final String cartUrl;

    /** @param cartUrl cart's public address, ending in "/": the fragment is shown on every service's host */
    public CartMiniFragment(CartRepository carts, CartPricing pricing, Templates templates, String cartUrl) {
        this.carts = carts;
        this.pricing = pricing;
        this.templates = templates;
        this.cartUrl = cartUrl;
    }

    public FragmentRoutes addTo(FragmentRoutes routes) {
        return routes.addFor(TYPE, this::forRequest);
    }

    private String forRequest(ServerRequest request) {
        return html(request.query().first(CartMini.CART_PARAMETER).asOptional().filter(CartMini::isCartId));
    }

    /** The mini cart for {@code cart}, or the empty one. */
    public String html(Optional<String> cart) {
        PricedCart priced = pricing.price(cart.map(carts::items).orElse(List.of()));
        return templates.render("cart/fragments/cart-mini", Map.of("cart", priced, "cartUrl", cartUrl));
    }
}
