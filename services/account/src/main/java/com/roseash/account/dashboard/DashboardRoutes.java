package com.roseash.account.dashboard;

import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.fragments.Fragment;
import com.roseash.platform.fragments.FragmentClient;
import com.roseash.platform.visitor.CurrentUser;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * The dashboard: the member's profile as federation vouches for it, and their orders as cart keeps them (cart's
 * {@code member-orders} fragment; when cart is slow or down the page says so and shows the rest). Members only.
 * Mounted at the root.
 */
public final class DashboardRoutes implements HttpService {

    static final Fragment MEMBER_ORDERS = new Fragment(ServiceName.CART, "member-orders");

    private final PageRenderer renderer;
    private final Roles roles;
    private final FragmentClient fragments;

    public DashboardRoutes(PageRenderer renderer, Roles roles, FragmentClient fragments) {
        this.renderer = renderer;
        this.roles = roles;
        this.fragments = fragments;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", roles.require("member", (request, response) -> {
            CurrentUser user = CurrentUser.of(request).orElseThrow();
            String orders = fragments.fetchPersonal(MEMBER_ORDERS, Map.of("member", user.subject()))
                    .orElse("<p class=\"fragment-unavailable\">Your orders cannot be shown just now.</p>");
            renderer.render(request, response, new Page("Your account", "account/dashboard",
                    Map.of("roleList", user.roles().stream().sorted().toList(), "ordersHtml", orders)));
        }));
    }
}
