package com.roseash.platform.fragments;

import java.util.List;
import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.platform.web.PageChrome;
import io.helidon.webserver.http.ServerRequest;

/**
 * What surrounds a full page of a service other than the blog: the site menu (the blog's {@code nav}
 * fragment) and the mini cart (cart's {@code cart-mini}), both the same for every visitor and kept by
 * {@link FragmentClient}. The blog renders its own menu instead.
 */
public final class SiteChrome implements PageChrome {

    public static final Fragment NAV = new Fragment(ServiceName.BLOG, "nav");
    public static final Fragment CART_MINI = new Fragment(ServiceName.CART, "cart-mini");

    private final FragmentClient fragments;

    public SiteChrome(FragmentClient fragments) {
        this.fragments = fragments;
    }

    @Override
    public Map<String, Object> forRequest(ServerRequest request) {
        Map<Fragment, String> fetched = fragments.fetchAll(List.of(NAV, CART_MINI));
        return Map.of("navHtml", fetched.get(NAV), "fragments", Map.of("cartMini", fetched.get(CART_MINI)));
    }
}
