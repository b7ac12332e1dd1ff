package com.roseash.cart.orders;

import java.util.List;
import java.util.Map;

import com.roseash.platform.fragments.FragmentRoutes;
import com.roseash.platform.web.Templates;
import io.helidon.http.BadRequestException;
import io.helidon.webserver.http.ServerRequest;

/**
 * {@code member-orders?member=}: a member's latest orders, for their account page (on account's host, so the links
 * are absolute to cart's). Served on the internal socket only: account names the member it signed in.
 */
public final class MemberOrdersFragment {

    public static final String TYPE = "member-orders";
    private static final int SHOWN = 10;

    private final OrderRepository orders;
    private final Templates templates;
    private final String cartUrl;

    /** @param cartUrl cart's public address, ending in "/" */
    public MemberOrdersFragment(OrderRepository orders, Templates templates, String cartUrl) {
        this.orders = orders;
        this.templates = templates;
        this.cartUrl = cartUrl;
    }

    public FragmentRoutes addTo(FragmentRoutes routes) {
        return routes.addFor(TYPE, this::html);
    }

    private String html(ServerRequest request) {
        String member = request.query().first("member").filter(value -> !value.isBlank())
                .orElseThrow(() -> new BadRequestException("member-orders needs ?member="));
        List<Order> latest = orders.ofMember(member, SHOWN);
        return templates.render("cart/fragments/member-orders", Map.of("orders", latest, "hasOrders", !latest.isEmpty(),
                "cartUrl", cartUrl));
    }
}
