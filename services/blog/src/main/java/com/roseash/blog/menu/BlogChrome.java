package com.roseash.blog.menu;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.roseash.contract.ServiceName;
import com.roseash.platform.cache.Announcements;
import com.roseash.platform.cache.LocalCache;
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

    private static final String NAV = "nav";

    private final MenuRepository menu;
    private final LocalCache kept;
    private final FragmentClient fragments;
    private final Templates templates;

    /**
     * @param changes announcements of changed content: an editor's change to the blog (the menu included)
     *                drops the menu kept here, in every replica
     * @param ttl     how long the menu is kept at most, should an announcement be missed
     */
    public BlogChrome(MenuRepository menu, FragmentClient fragments, Templates templates, Announcements changes,
            Duration ttl) {
        this.menu = menu;
        this.fragments = fragments;
        this.templates = templates;
        this.kept = new LocalCache(ttl, 1);
        changes.listen(changed -> {
            if (changed.equals(ServiceName.BLOG.id()) || changed.equals(Announcements.EVERYTHING)) {
                kept.clear();
            }
        });
    }

    /**
     * The menu as HTML: the blog's own pages use it, and it is the {@code nav} fragment for the others. Kept
     * in process: it is on every page and changes only when an editor changes it.
     */
    public String navHtml() {
        return kept.get(NAV, () -> Optional.of(templates.render("blog/nav", Map.of("items", menu.items())))).orElseThrow();
    }

    @Override
    public Map<String, Object> forRequest(ServerRequest request) {
        Map<Fragment, String> fetched = fragments.fetchAll(List.of(CART_MINI));
        return Map.of("navHtml", navHtml(),
                "feedUrl", "/feed.xml",
                "fragments", Map.of("cartMini", fetched.get(CART_MINI)));
    }
}
