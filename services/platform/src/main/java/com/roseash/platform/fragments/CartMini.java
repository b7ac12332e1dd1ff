package com.roseash.platform.fragments;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.roseash.contract.ServiceName;
import io.helidon.webserver.http.ServerRequest;

/**
 * The mini cart in every page's header: cart's {@code cart-mini} fragment. A visitor without a cart (no cart
 * cookie) sees the empty cart, which is the same for everyone and kept like any shared fragment, so their pages
 * cost no round trip for it. A visitor with one sees theirs, asked of cart on each full page.
 *
 * <p>The cart cookie is cart's: it holds only a random cart id, set for the platform's whole domain, so every
 * service's pages can name the cart to cart's internal socket.
 */
public final class CartMini {

    public static final Fragment FRAGMENT = new Fragment(ServiceName.CART, "cart-mini");
    /** The cart cookie: an id only cart makes (32 random base64url characters). */
    public static final String COOKIE = "rose_ash_cart";
    /** The fragment's parameter naming the cart. */
    public static final String CART_PARAMETER = "cart";

    private static final Pattern CART_ID = Pattern.compile("[A-Za-z0-9_-]{32}");

    private final FragmentClient fragments;

    public CartMini(FragmentClient fragments) {
        this.fragments = fragments;
    }

    /** Whether {@code id} has the shape of a cart id: anything else in the cookie is ignored, never sent on. */
    public static boolean isCartId(String id) {
        return id != null && CART_ID.matcher(id).matches();
    }

    /**
     * The cart cookie's {@code Domain} as a service at {@code publicUrl} sets or clears it: the platform's domain when
     * the service's host is under it, so every service sees the one cookie; none (this host only) otherwise.
     */
    public static Optional<String> cookieDomain(String domain, String publicUrl) {
        String host = URI.create(publicUrl).getHost();
        return host != null && host.endsWith("." + domain) ? Optional.of(domain) : Optional.empty();
    }

    /** The visitor's cart id from their cookie, when it has one of the right shape. */
    public static Optional<String> cartOf(ServerRequest request) {
        return request.headers().cookies().first(COOKIE).asOptional().filter(CartMini::isCartId);
    }

    /** The fragment's HTML for this visitor, or its placeholder when cart is slow or down. Never throws. */
    public String forRequest(ServerRequest request) {
        Optional<String> cart = cartOf(request);
        if (cart.isEmpty()) {
            return fragments.fetch(FRAGMENT);
        }
        return fragments.fetchPersonal(FRAGMENT, Map.of(CART_PARAMETER, cart.get()))
                .orElseGet(() -> FragmentClient.placeholder(FRAGMENT));
    }
}
