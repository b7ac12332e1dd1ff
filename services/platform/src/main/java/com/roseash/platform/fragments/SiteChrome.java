package com.roseash.platform.fragments;

import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.platform.web.PageChrome;
import io.helidon.webserver.http.ServerRequest;

/**
 * What surrounds a full page of a service other than the blog: the site menu (the blog's {@code nav}
 * fragment, the same for every visitor and kept by {@link FragmentClient}) and the mini cart
 * ({@link CartMini}). The blog renders its own menu instead.
 */
public final class SiteChrome implements PageChrome {

    public static final Fragment NAV = new Fragment(ServiceName.BLOG, "nav");

    private final FragmentClient fragments;
    private final CartMini cartMini;

    public SiteChrome(FragmentClient fragments) {
        this.fragments = fragments;
        this.cartMini = new CartMini(fragments);
    }

    @Override
    public Map<String, Object> forRequest(ServerRequest request) {
        return Map.of("navHtml", fragments.fetch(NAV), "fragments", Map.of("cartMini", cartMini.forRequest(request)));
    }
}
