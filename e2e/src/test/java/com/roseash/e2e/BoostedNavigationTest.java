package com.roseash.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.roseash.stack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boosted navigation in a real Chromium against the local stack (docs/platform.md, "Pages and boosted
 * navigation"). Each test sets a marker on {@code window}: it survives a boosted swap and is gone after a
 * full page load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoostedNavigationTest {

    private LocalStack stack;
    private Chromium chromium;
    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();

    @BeforeAll
    void startBrowser() {
        stack = SharedStack.get();
        chromium = new Chromium();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = chromium.browser.newContext();
        page = context.newPage();
        page.onConsoleMessage(message -> {
            // Errors on the blog's own pages; another host (not running in this stack) answers 404 by design.
            if ("error".equals(message.type()) && message.location().startsWith(home())) {
                consoleErrors.add(message.text() + " at " + message.location());
            }
        });
        page.onRequest(requests::add);
    }

    @AfterEach
    void noConsoleErrors() {
        context.close();
        assertThat(consoleErrors).as("console errors (a CSP violation would show here)").isEmpty();
        consoleErrors.clear();
        requests.clear();
    }

    @Test
    void bootRendersTheHomePageWithHtmxActive() {
        Response response = page.navigate(home());

        assertThat(response.status()).isEqualTo(200);
        assertThat(page.title()).contains("Rose Ash");
        assertThat(page.evaluate("() => typeof htmx !== 'undefined' ? htmx.version : null")).isEqualTo("2.0.10");
        assertThat(page.getAttribute("body", "hx-boost")).isEqualTo("true");
        assertThat(page.locator("#content .post-list li").count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everySameOriginLinkIsBoostedRelativeOnesIncluded() {
        page.navigate(home());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = (List<Map<String, Object>>) page.evaluate("""
                () => Array.from(document.querySelectorAll('a[href]'))
                  .filter(a => a.hostname === location.hostname && !a.getAttribute('href').startsWith('#'))
                  .map(a => ({ href: a.getAttribute('href'),
                               boosted: !!(a['htmx-internal-data'] && a['htmx-internal-data'].boosted) }))""");

        assertThat(links).hasSizeGreaterThanOrEqualTo(4);
        assertThat(links).as("relative links are on the page").anySatisfy(link ->
                assertThat((String) link.get("href")).doesNotStartWith("/").doesNotStartWith("http"));
        assertThat(links).allSatisfy(link -> assertThat(link.get("boosted")).as("boosted: %s", link.get("href")).isEqualTo(true));

        // Relative links at several depths, each clicked and its swap checked: `posts/…` from the home page,
        // `../../tag/…` from a post, `../../posts/…` back from the tag page, and `?page=2`.
        String firstPost = page.locator("#content .post-list a.post-link").first().innerText();
        clickRelative("#content .post-list a.post-link[href^='posts/']");
        assertThat(page.locator("#content article.post h1").innerText()).isEqualTo(firstPost);

        String tag = page.locator("#content article.post .tags a[href^='../../tag/']").first().innerText();
        clickRelative("#content article.post .tags a[href^='../../tag/']");
        assertThat(page.url()).contains("/tag/");
        assertThat(page.locator("#content .tag-page h1").innerText()).contains("“" + tag.substring(1) + "”");
        assertThat(page.locator("#content .post-list a.post-link").count()).isPositive();

        String taggedPost = page.locator("#content .post-list a.post-link").first().innerText();
        clickRelative("#content .post-list a.post-link[href^='../../posts/']");
        assertThat(page.locator("#content article.post h1").innerText()).isEqualTo(taggedPost);

        page.navigate(home());
        List<String> firstPage = page.locator("#content .post-list a.post-link").allInnerTexts();
        clickRelative("#content a[rel='next'][href='?page=2']");
        assertThat(page.url()).endsWith("/?page=2");
        assertThat(page.locator("#content .post-list a.post-link").allInnerTexts()).isNotEmpty()
                .doesNotContainAnyElementsOf(firstPage);
        assertThat(page.locator("#content a[rel='prev']").count()).isEqualTo(1);
    }

    /** Clicks the first link matching {@code selector} and asserts it was fetched boosted and swapped in place. */
    private void clickRelative(String selector) {
        markWindow();
        String href = page.locator(selector).first().getAttribute("href");
        assertThat(href).as("a relative link").doesNotStartWith("/").doesNotStartWith("http");
        String expectedUrl = (String) page.evaluate("href => new URL(href, location.href).href", href);

        Response response = page.waitForResponse(r -> r.url().equals(expectedUrl), () -> page.locator(selector).first().click());
        page.waitForURL(expectedUrl);

        assertThat(response.request().headers()).as("%s was fetched as a boosted request", href)
                .containsEntry("hx-boosted", "true");
        assertThat(markerSurvived()).as("%s swapped without a reload", href).isTrue();
    }

    @Test
    void clickingAPostSwapsTheContentPushesTheUrlAndChangesTheTitle() {
        page.navigate(home());
        markWindow();
        String homeTitle = page.title();
        String postTitle = page.locator("#content .post-list a.post-link").first().innerText();

        page.locator("#content .post-list a.post-link").first().click();
        page.waitForURL("**/posts/**");

        assertThat(markerSurvived()).isTrue();
        assertThat(page.locator("#content article.post h1").innerText()).isEqualTo(postTitle);
        assertThat(page.title()).startsWith(postTitle).isNotEqualTo(homeTitle);
        assertThat(page.url()).contains("/posts/");
    }

    @Test
    void backRestoresThePreviousContentAndUrl() {
        page.navigate(home());
        markWindow();
        String firstPost = page.locator("#content .post-list a.post-link").first().innerText();
        page.locator("#content .post-list a.post-link").first().click();
        page.waitForURL("**/posts/**");

        page.goBack();
        page.waitForURL(home());

        assertThat(page.locator("#content .post-list a.post-link").first().innerText()).isEqualTo(firstPost);
        assertThat(page.locator("#content article.post").count()).isZero();
        assertThat(markerSurvived()).as("history restored without a full reload").isTrue();
    }

    @Test
    void aLinkToAnotherHostNavigatesNormally() {
        page.navigate(home());
        markWindow();
        String otherHost = "http://market.rose-ash.localhost:" + stack.gatewayPort() + "/";
        assertThat(page.locator("footer a[href='" + otherHost + "']").count()).isEqualTo(1);

        page.locator("footer a[href='" + otherHost + "']").click();
        page.waitForURL(otherHost);

        assertThat(markerSurvived()).as("a cross-host link is a full navigation").isFalse();
        assertThat(requests).filteredOn(r -> r.url().startsWith(otherHost))
                .allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("hx-request"));
    }

    @Test
    void reloadingADeepUrlGivesTheFullPage() {
        page.navigate(home());
        page.locator("#content .post-list a.post-link").first().click();
        page.waitForURL("**/posts/**");
        String postTitle = page.locator("#content article.post h1").innerText();

        Response reload = page.reload();

        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.text()).startsWith("<!doctype html>").contains("<header");
        assertThat(page.locator("header.site-header").count()).isEqualTo(1);
        assertThat(page.locator("#content article.post h1").innerText()).isEqualTo(postTitle);
        assertThat(page.evaluate("() => typeof htmx")).isEqualTo("object");
    }

    @Test
    void widgetsInSwappedContentAreInitialisedAsOnAFullLoad() {
        page.navigate(home());
        markWindow();
        page.locator("#content .post-list a.post-link").first().click();
        page.waitForURL("**/posts/**");

        page.locator("#content article.post time[data-widget-ready='true']").waitFor();
        assertThat(markerSurvived()).isTrue();
        String text = page.locator("#content article.post time[data-widget='relative-time']").first().innerText();
        assertThat(text).matches(".*(ago|yesterday|today|now|in .*)");
    }

    private String home() {
        return "http://blog.rose-ash.localhost:" + stack.gatewayPort() + "/";
    }

    private void markWindow() {
        page.evaluate("() => { window.__roseAshMarker = 'kept'; }");
    }

    private boolean markerSurvived() {
        return "kept".equals(page.evaluate("() => window.__roseAshMarker"));
    }
}
