package com.roseash.blog.posts;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.blog.testing.RoutedBlog;
import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog as a reader meets it, with the demo content (7 published posts, 1 draft, 2 pages), through its
 * routing without sockets ({@link RoutedBlog}); {@code BlogServiceTest} serves it on its sockets.
 */
class BlogPagesTest {

    private static RoutedBlog blog;

    @BeforeAll
    static void start() {
        blog = new RoutedBlog(TestRedis.shared().url());
    }

    @AfterAll
    static void stop() {
        blog.close();
    }

    @Test
    void theHomePageListsTheNewestPostsWithRelativeLinksAndTheMenu() {
        HttpResponse<String> home = blog.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<title>Rose Ash</title>")
                .contains("href=\"posts/welcome-to-rose-ash/\"")
                .contains("href=\"tag/cooperative/\"")
                .contains("href=\"?page=2\"")
                .contains("<a href=\"/about/\">About</a>")
                .contains("Page 1 of 2")
                .doesNotContain("seed-swap-draft")
                .doesNotContain("apple-day");
        assertThat(home.body().indexOf("welcome-to-rose-ash")).isLessThan(home.body().indexOf("winter-market-opens"));
    }

    @Test
    void theSecondPageHoldsTheOlderPosts() {
        HttpResponse<String> second = blog.get("/?page=2");

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("apple-day").contains("how-our-prices-are-set")
                .contains("href=\"?page=1\"").doesNotContain("href=\"?page=3\"").doesNotContain("welcome-to-rose-ash");
    }

    @Test
    void badPageNumbersAreRefusedWithAReason() {
        assertThat(blog.get("/?page=abc").statusCode()).isEqualTo(400);
        assertThat(blog.get("/?page=abc").body()).contains("page must be a whole number");
        assertThat(blog.get("/?page=0").statusCode()).isEqualTo(400);
        assertThat(blog.get("/?page=99").statusCode()).isEqualTo(404);
    }

    @Test
    void aPostShowsItsSanitisedBodyDateAuthorAndTags() {
        HttpResponse<String> post = blog.get("/posts/winter-market-opens/");

        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.body()).contains("<title>Winter market opens on Saturday · Rose Ash</title>")
                .contains("<h1>Winter market opens on Saturday</h1>")
                .contains("<li>Saturdays, 9:00 to 13:00</li>")
                .contains("<time datetime=\"2026-11-16T10:30:00Z\" data-widget=\"relative-time\">16 November 2026</time>")
                .contains("Idris Okafor")
                .contains("href=\"../../tag/market/\"");
    }

    @Test
    void draftsAndUnknownSlugsAreTheNotFoundPage() {
        HttpResponse<String> draft = blog.get("/posts/seed-swap-draft/", "Accept", "text/html");
        assertThat(draft.statusCode()).isEqualTo(404);
        assertThat(draft.body()).contains("Page not found").contains("<header").doesNotContain("Draft: dates");

        HttpResponse<String> unknown = blog.get("/posts/no-such-post/");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("There is no post called no-such-post");
        assertThat(blog.get("/no-such-page/").statusCode()).isEqualTo(404);
        assertThat(blog.get("/tag/no-such-tag/").statusCode()).isEqualTo(404);
    }

    @Test
    void groupsMountedAfterThePostsCatchAllKeepTheirPaths() {
        // BlogService mounts the posts (with /{slug}/) first; /editor/ must still reach the editor, which asks to sign in.
        HttpResponse<String> editor = blog.get("/editor/");
        assertThat(editor.statusCode()).isEqualTo(303);
        assertThat(editor.headers().firstValue("Location")).contains("/auth/login?return=%2Feditor%2F");

        assertThat(blog.get("/feed.xml").headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/atom+xml"));
        assertThat(blog.get("/static/vendor/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(blog.get("/auth/login?return=/about/").statusCode()).isIn(303, 503);
    }

    @Test
    void theDemoPostShowingAProductLinksToItWhileNoMarketIsThere() {
        HttpResponse<String> post = blog.get("/posts/bread-workshop/");

        assertThat(post.body()).contains("<p><a class=\"product-card-unavailable\" "
                + "href=\"http://market.rose-ash.localhost:8080/products/rye-starter/\">See this product in the market</a></p>")
                .doesNotContain("[[product:");
    }

    @Test
    void aPostUrlWithoutItsSlashRedirects() {
        HttpResponse<String> response = blog.get("/posts/apple-day");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).contains("/posts/apple-day/");
    }

    @Test
    void aTagPageListsOnlyItsPosts() {
        HttpResponse<String> tag = blog.get("/tag/garden/");

        assertThat(tag.statusCode()).isEqualTo(200);
        assertThat(tag.body()).contains("Posts tagged “Garden”").contains("What grows in the shared beds.")
                .contains("href=\"../../posts/what-the-soil-told-us/\"").contains("apple-day")
                .doesNotContain("winter-market-opens").doesNotContain("seed-swap-draft");
    }

    @Test
    void pagesLiveAtTheTopLevel() {
        HttpResponse<String> about = blog.get("/about/");

        assertThat(about.statusCode()).isEqualTo(200);
        assertThat(about.body()).contains("<h1>About</h1>").contains("cooperative of growers");
        assertThat(blog.get("/posts/about/").statusCode()).as("a page is not a post").isEqualTo(404);
    }

    @Test
    void theAtomFeedHasThePublishedPosts() {
        HttpResponse<String> feed = blog.get("/feed.xml");

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).get().asString().startsWith("application/atom+xml");
        assertThat(feed.body().split("<entry>", -1)).hasSize(8);
        assertThat(feed.body()).doesNotContain("seed-swap-draft").contains("<title>Apple day</title>");
        assertThat(blog.get("/").body()).contains("<link rel=\"alternate\" type=\"application/atom+xml\"");
    }

    @Test
    void aBoostedRequestGetsTheContentFragmentOnly() {
        HttpResponse<String> fragment = blog.get("/posts/apple-day/", "HX-Request", "true", "HX-Boosted", "true");

        assertThat(fragment.body()).startsWith("<title>Apple day · Rose Ash</title>").contains("<article class=\"post\">")
                .doesNotContain("<header");
        assertThat(fragment.headers().firstValue("Vary")).get().asString().contains("HX-Request");
    }

    @Test
    void theNavFragmentIsServedOnTheInternalSocket() {
        HttpResponse<String> nav = blog.internal("/internal/fragments/nav");

        assertThat(nav.statusCode()).isEqualTo(200);
        // Absolute: another service's page puts this menu on its own host, where "/contact/" is not the blog's.
        assertThat(nav.body()).contains("<a href=\"http://blog.rose-ash.localhost:8080/\">Home</a>")
                .contains("<a href=\"http://blog.rose-ash.localhost:8080/contact/\">Contact</a>");
        assertThat(blog.get("/").body()).as("the blog's own pages keep relative links")
                .contains("<a href=\"/contact/\">Contact</a>");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        HttpResponse<String> about = blog.get("/about/", "Accept", "text/html");

        assertThat(about.statusCode()).isEqualTo(200);
        assertThat(about.body()).contains("<h1>About</h1>").contains("<header");
        assertThat(about.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void anUnknownPageIsProblemJsonForAnApiClient() throws Exception {
        HttpResponse<String> missing = blog.get("/no-such-page/", "Accept", "application/json");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(missing.body()).path("detail").asText())
                .isEqualTo("There is no page called no-such-page.");
    }
}
