package com.roseash.cart.carts;

import java.time.Duration;
import java.util.Optional;

import com.roseash.platform.fragments.CartMini;
import com.roseash.platform.visitor.CurrentUser;
import com.roseash.platform.web.Requests;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Which cart a request is about. A visitor's cart is named by the cart cookie ({@link CartMini#COOKIE}), set for
 * the platform's whole domain so that every service's pages show it; a member's cart is theirs wherever they sign
 * in. The first time a signed-in member is seen here with a visitor's cart, the two are merged
 * ({@link CartRepository#mergeAtSignIn}) and the cookie then names the member's cart.
 */
public final class VisitorCart {

    static final Duration KEPT = Duration.ofDays(90);

    private final CartRepository carts;
    private final Optional<String> cookieDomain;

    /**
     * @param carts   where carts are kept
     * @param domain  the platform's domain ({@code rose-ash.domain}): the cookie is set for it when cart's own
     *                host is under it, and for cart's host alone otherwise
     * @param cartUrl cart's public address
     */
    public VisitorCart(CartRepository carts, String domain, String cartUrl) {
        this.carts = carts;
        this.cookieDomain = CartMini.cookieDomain(domain, cartUrl);
    }

    /** The cart this request names, if any (merged into the member's first when they are signed in). */
    public Optional<String> existing(ServerRequest request, ServerResponse response) {
        Optional<String> fromCookie = CartMini.cartOf(request);
        Optional<CurrentUser> member = CurrentUser.of(request);
        if (member.isEmpty()) {
            return fromCookie;
        }
        String cart = fromCookie.map(visitors -> carts.mergeAtSignIn(visitors, member.get().subject()))
                .or(() -> carts.cartOf(member.get().subject()))
                .orElse(null);
        if (cart != null && !Optional.of(cart).equals(fromCookie)) {
            remember(request, response, cart);
        }
        return Optional.ofNullable(cart);
    }

    /** The request's cart, a new one (and its cookie) when it has none yet. */
    public String orNew(ServerRequest request, ServerResponse response) {
        return existing(request, response).orElseGet(() -> {
            String cart = CurrentUser.of(request)
                    .map(member -> carts.mergeAtSignIn(CartRepository.newId(), member.subject()))
                    .orElseGet(CartRepository::newId);
            remember(request, response, cart);
            return cart;
        });
    }

    private void remember(ServerRequest request, ServerResponse response, String cart) {
        response.headers().addCookie(cookie(request, cart).maxAge(KEPT).build());
    }

    private SetCookie.Builder cookie(ServerRequest request, String value) {
        SetCookie.Builder cookie = SetCookie.builder(CartMini.COOKIE, value).path("/").httpOnly(true)
                .sameSite(SetCookie.SameSite.LAX).secure(Requests.isHttps(request));
        cookieDomain.ifPresent(cookie::domain);
        return cookie;
    }
}
