package com.roseash.blog.menu;

import java.util.List;
import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.platform.fragments.Fragment;
import com.roseash.platform.fragments.FragmentClient;
import com.roseash.platform.web.PageChrome;
import com.roseash.platform.web.Templates;
import io.helidon.webserver.http.ServerRequest;

/**
 * What surrounds every full blog page: the site menu and the mini cart from cart (the account menu is
 * {@code FederatedAccountMenu}'s).
 */
public final class BlogChrome implements PageChrome {

    public static final Fragment CART_MINI = new Fragment(ServiceName.CART, "cart-mini");

    private final MenuRepository menu;
    private final FragmentClient fragments;
    private final Templates templates;

    public BlogChrome(MenuRepository menu, FragmentClient fragments, Templates templates) {
        this.menu = menu;
        this.fragments = fragments;
        this.templates = templates;
    }

    /** The menu as HTML: the blog's own pages use it, and it is the {@code nav} fragment for the others. */
    public String navHtml() {
        return templates.render("blog/nav", Map.of("items", menu.items()));
    }

    @Override
    public Map<String, Object> forRequest(ServerRequest request) {
        Map<Fragment, String> fetched = fragments.fetchAll(List.of(CART_MINI));
        return Map.of("navHtml", navHtml(),
                "feedUrl", "/feed.xml",
                "fragments", Map.of("cartMini", fetched.get(CART_MINI)));
    }
}
