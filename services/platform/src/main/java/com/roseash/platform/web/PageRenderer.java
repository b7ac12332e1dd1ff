package com.roseash.platform.web;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.roseash.platform.cache.PageCache;
import com.roseash.platform.visitor.AccountMenu;
import com.roseash.platform.visitor.CurrentUser;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Answers a page request with the full layout, or with the title and {@code #content} fragment when
 * htmx asks for a boosted swap (docs/platform.md, "Pages and boosted navigation"). Both variants carry
 * {@code Vary: HX-Request} so no cache hands one to the other.
 */
public final class PageRenderer {

    private static final System.Logger LOG = System.getLogger(PageRenderer.class.getName());

    private final Templates templates;
    private final Site site;
    private final PageChrome chrome;
    private final Optional<PageCache> cache;

    public PageRenderer(Templates templates, Site site, PageChrome chrome, Optional<PageCache> cache) {
        this.templates = templates;
        this.site = site;
        this.chrome = chrome;
        this.cache = cache;
    }

    public void render(ServerRequest request, ServerResponse response, Page page) {
        respond(request, response, Status.OK_200, content(page, request));
    }

    /**
     * Renders a page whose content is the same for every visitor, through the page cache: the layout
     * around it (navigation, per-visitor tokens) is still rendered per request. Such content has no
     * forms: it is rendered without the visitor's CSRF token.
     */
    public void renderShared(ServerRequest request, ServerResponse response, Supplier<Page> page) {
        RenderedContent content = cache
                .map(c -> RenderedContent.deserialize(c.getOrRender(cacheKey(request),
                        () -> content(page.get(), null).serialize())))
                .orElseGet(() -> content(page.get(), null));
        respond(request, response, Status.OK_200, content);
    }

    /** Error pages: same layout, but a failing chrome must not turn a 404 into a 500. */
    public void renderStatus(ServerRequest request, ServerResponse response, Status status, Page page) {
        respond(request, response, status, content(page, request));
    }

    /**
     * A page in the layout without a routed request, for refusals Helidon makes before routing (a request line it
     * cannot parse): no visitor, no navigation fragments, no CSRF token.
     */
    public String standalone(Page page) {
        Map<String, Object> layout = new HashMap<>(common());
        layout.put("title", fullTitle(page.title()));
        layout.put("content", templates.render(page.template(), common(), page.model()));
        layout.put("csrfToken", "");
        return templates.render("layout", layout);
    }

    public Templates templates() {
        return templates;
    }

    public Site site() {
        return site;
    }

    /** The page's content; with the visitor's CSRF token for its forms unless {@code visitor} is null (shared). */
    private RenderedContent content(Page page, ServerRequest visitor) {
        Map<String, Object> token = new HashMap<>();
        token.put("csrfToken", visitor == null ? "" : CsrfToken.of(visitor).orElse(""));
        if (visitor != null) {
            CurrentUser.of(visitor).ifPresent(user -> token.put("currentUser", user));
        }
        return new RenderedContent(page.title(), templates.render(page.template(), common(), token, page.model()));
    }

    private void respond(ServerRequest request, ServerResponse response, Status status, RenderedContent content) {
        response.status(status);
        // Added to, not set: an error response also varies by Accept.
        response.headers().add(Boost.VARY, "HX-Request");
        response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        String title = fullTitle(content.title());
        if (Boost.wantsFragment(request)) {
            response.send("<title>" + Html.escape(title) + "</title>\n" + content.html());
            return;
        }
        Map<String, Object> layout = new HashMap<>(common());
        layout.putAll(safeChrome(request));
        layout.put("title", title);
        layout.put("content", content.html());
        layout.put("csrfToken", CsrfToken.of(request).orElse(""));
        request.context().get(AccountMenu.class).ifPresent(menu -> layout.put("account", menu));
        response.send(templates.render("layout", layout));
    }

    private Map<String, Object> common() {
        return Map.of("site", site, "links", site.links());
    }

    private Map<String, Object> safeChrome(ServerRequest request) {
        try {
            return chrome.forRequest(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Page chrome failed, rendering without it: " + e);
            return Map.of();
        }
    }

    private String fullTitle(String title) {
        return title == null || title.isBlank() ? site.name() : title + " · " + site.name();
    }

    private static String cacheKey(ServerRequest request) {
        String query = request.query().rawValue();
        return request.path().absolute().rawPath() + (query.isEmpty() ? "" : "?" + query);
    }
}
