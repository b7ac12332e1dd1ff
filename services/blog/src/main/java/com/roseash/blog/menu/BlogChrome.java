package com.roseash.blog.menu;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.roseash.contract.ServiceName;
import com.roseash.platform.cache.Announcements;
import com.roseash.platform.cache.LocalCache;
import com.roseash.platform.fragments.CartMini;
import com.roseash.platform.fragments.FragmentClient;
import com.roseash.platform.web.PageChrome;
import com.roseash.platform.web.Templates;
import io.helidon.webserver.http.ServerRequest;

/**
 * What surrounds every full blog page: the site menu and the mini cart from cart (the account menu is
 * {@code FederatedAccountMenu}'s).
 */
public final class BlogChrome implements PageChrome {

    private static final String NAV = "nav";
    private static final String NAV_FRAGMENT = "nav-fragment";

    private final MenuRepository menu;
    private final LocalCache kept;
    private final CartMini cartMini;
    private final Templates templates;
    private final URI publicUrl;

    /**
     * @param changes announcements of changed content: an editor's change to the blog (the menu included)
     *                drops the menu kept here, in every replica
     * @param ttl     how long the menu is kept at most, should an announcement be missed
     * @param publicUrl the blog's own address, which the {@code nav} fragment's links are resolved against
     */
    public BlogChrome(MenuRepository menu, FragmentClient fragments, Templates templates, Announcements changes,
            Duration ttl, String publicUrl) {
        this.menu = menu;
        this.cartMini = new CartMini(fragments);
        this.templates = templates;
        this.publicUrl = URI.create(publicUrl);
        this.kept = new LocalCache(ttl, 2);
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

    /**
     * The {@code nav} fragment other services put in their header: the same menu with every link made absolute
     * against the blog's address, since "/about/" on the market's host is not the blog's About page.
     */
    public String navFragmentHtml() {
        return kept.get(NAV_FRAGMENT, () -> {
            List<MenuItem> absolute = menu.items().stream()
                    .map(item -> new MenuItem(item.label(), publicUrl.resolve(item.url()).toString())).toList();
            return Optional.of(templates.render("blog/nav", Map.of("items", absolute)));
        }).orElseThrow();
    }

    @Override
    public Map<String, Object> forRequest(ServerRequest request) {
        return Map.of("navHtml", navHtml(),
                "feedUrl", "/feed.xml",
                "fragments", Map.of("cartMini", cartMini.forRequest(request)));
    }
}
