package com.roseash.market.products;

import java.net.http.HttpResponse;

import com.roseash.market.testing.RoutedMarket;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shopper's pages over a market stocked by SQL: listings, categories, a product, search, fragments. */
class MarketPagesTest {

    private static RoutedMarket market;

    @BeforeAll
    static void stock() {
        market = new RoutedMarket();
        market.sql("INSERT INTO market.categories (slug, name, description, position) VALUES "
                + "('preserves', 'Preserves', 'Jams and chutneys', 1), ('bread', 'Bread', '', 2), "
                + "('empty', 'Empty shelf', '', 3)");
        market.sql("INSERT INTO market.stalls (slug, name, owner_kind, owner) "
                + "VALUES ('orchard', 'The Orchard Group', 'group', 'orchard')");
        // Fifteen published products, one a minute apart: "Product 15" is the newest.
        for (int n = 1; n <= 15; n++) {
            product("product-" + n, "Product " + n, "Plain goods number " + n + ".", 100 * n, false, n);
        }
        product("apple-chutney", "Apple chutney", "Sharp and sweet, with **Bramley** apples.", 450, true, 20);
        product("pear-jam", "Pear jam", "Made the way grandmother made apple butter.", 399, true, 21);
        product("rye-loaf", "Rye loaf", "Dark rye.", 1250, false, 22);
        market.sql("UPDATE market.products SET stock = 0 WHERE slug = 'rye-loaf'");
        market.sql("UPDATE market.products SET stock = 3, stall_id = (SELECT id FROM market.stalls) "
                + "WHERE slug = 'apple-chutney'");
        market.sql("UPDATE market.products SET stock = 0 WHERE slug = 'pear-jam'");
        market.sql("UPDATE market.products SET html = '<p>Sharp and sweet, with <strong>Bramley</strong> apples.</p>' "
                + "WHERE slug = 'apple-chutney'");
        market.sql("INSERT INTO market.product_images (product_id, position, url) SELECT id, 0, 'https://img.example/chutney.jpg' "
                + "FROM market.products WHERE slug = 'apple-chutney'");
        market.sql("INSERT INTO market.product_categories SELECT p.id, c.id FROM market.products p, market.categories c "
                + "WHERE p.slug IN ('apple-chutney', 'pear-jam') AND c.slug = 'preserves'");
        market.sql("INSERT INTO market.products (slug, title, markdown, html, price_minor, currency, status) "
                + "VALUES ('secret-draft', 'Secret apple draft', 'apple', '<p>apple</p>', 100, 'GBP', 'draft')");
    }

    private static void product(String slug, String title, String markdown, long priceMinor, boolean featured, int minute) {
        market.sql("INSERT INTO market.products (slug, title, markdown, html, price_minor, currency, status, featured, "
                + "published_at) VALUES (?, ?, ?, ?, ?, 'GBP', 'published', ?, "
                + "timestamptz '2026-11-01 10:00:00+00' + make_interval(mins => ?))",
                slug, title, markdown, "<p>" + markdown + "</p>", priceMinor, featured, minute);
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    @Test
    void theHomePageShowsFeaturedProductsCategoriesAndTheNewestFirst() {
        HttpResponse<String> home = market.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        String featured = section(home.body(), "class=\"featured\"", "</section>");
        assertThat(featured).contains("Pear jam").contains("Apple chutney").doesNotContain("Rye loaf");
        assertThat(home.body()).contains("<a href=\"category/preserves/\">Preserves</a>")
                .contains("<a class=\"product-link\" href=\"products/rye-loaf/\">Rye loaf</a>")
                .contains("£12.50").contains("Sold out").contains("3 left")
                .contains("Page 1 of 2").contains("rel=\"next\" href=\"?page=2\"")
                .doesNotContain("Secret apple draft");
        String newest = section(home.body(), "New in the market", "</ul>");
        assertThat(newest.indexOf("Rye loaf")).as("newest first").isLessThan(newest.indexOf("Pear jam"));
    }

    @Test
    void pagesPastTheLastAreNotFoundAndBadPageNumbersAreTheVisitorsError() {
        HttpResponse<String> second = market.get("/?page=2");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Page 2 of 2").contains("Product 1<").doesNotContain("Rye loaf")
                .contains("rel=\"prev\" href=\"?page=1\"");

        assertThat(market.get("/?page=3").statusCode()).isEqualTo(404);
        assertThat(market.get("/?page=two").statusCode()).isEqualTo(400);
        assertThat(market.get("/?page=0").body()).contains("page must be 1 or more");
    }

    @Test
    void aCategoryListsItsPublishedProductsWithLinksThatWorkFromItsDepth() {
        HttpResponse<String> preserves = market.get("/category/preserves/");

        assertThat(preserves.statusCode()).isEqualTo(200);
        assertThat(preserves.body()).contains("<h1>Preserves</h1>").contains("Jams and chutneys")
                .contains("href=\"../../products/apple-chutney/\"").contains("Pear jam")
                .doesNotContain("Rye loaf").doesNotContain("Secret apple draft");
        assertThat(market.get("/category/empty/").body()).contains("Nothing in this category yet.");
        assertThat(market.get("/category/nope/").statusCode()).isEqualTo(404);
        assertThat(market.get("/category/preserves").headers().firstValue("Location")).contains("/category/preserves/");
    }

    @Test
    void aProductPageShowsPriceStockSellerCategoriesAndItsDescription() {
        HttpResponse<String> page = market.get("/products/apple-chutney/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Apple chutney").contains("£4.50").contains("3 left")
                .contains("Sold by The Orchard Group").contains("<strong>Bramley</strong>")
                .contains("src=\"https://img.example/chutney.jpg\"").contains("href=\"../../category/preserves/\"");
        assertThat(page.body()).as("add to cart, posting to cart's host and coming back here without JavaScript")
                .contains("<form class=\"add-to-cart\" method=\"post\" action=\"http://cart.rose-ash.localhost:8080/add\" "
                        + "data-cart-add hx-boost=\"false\">")
                .contains("name=\"slug\" value=\"apple-chutney\"")
                .contains("name=\"return\" value=\"http://market.rose-ash.localhost:8080/products/apple-chutney/\"")
                .contains("<label>Quantity <input type=\"number\" name=\"quantity\" value=\"1\" min=\"1\" max=\"1000\"");
        assertThat(section(page.body(), "<form class=\"add-to-cart\"", "</form>")).as("cart checks the Origin instead")
                .doesNotContain("_csrf");
        assertThat(market.get("/products/rye-loaf/").body()).as("out of stock: nothing to add").contains("Rye loaf")
                .contains("Sold out").doesNotContain("add-to-cart");
        assertThat(market.get("/products/product-1/").body()).as("unlimited stock").contains("In stock")
                .contains("action=\"http://cart.rose-ash.localhost:8080/add\" data-cart-add");
        assertThat(market.get("/products/secret-draft/").statusCode()).as("drafts are not for sale").isEqualTo(404);
        assertThat(market.get("/products/no-such-thing/").statusCode()).isEqualTo(404);
        assertThat(market.get("/products/Bad%20Slug/").statusCode()).isEqualTo(404);
    }

    @Test
    void searchFindsTitleMatchesBeforeDescriptionMatchesAndReadsQueriesAsPeopleTypeThem() {
        HttpResponse<String> apple = market.get("/search?q=apple");

        assertThat(apple.statusCode()).isEqualTo(200);
        assertThat(apple.body()).contains("2 found for “apple”").doesNotContain("Secret apple draft");
        String results = section(apple.body(), "class=\"product-list\"", "</ul>");
        assertThat(results.indexOf("Apple chutney")).as("a title match ranks first").isLessThan(results.indexOf("Pear jam"));

        assertThat(market.get("/search?q=apple+-jam").body()).contains("1 found").contains("Apple chutney");
        assertThat(market.get("/search?q=%22dark+rye%22").body()).contains("1 found").contains("Rye loaf");
        assertThat(market.get("/search?q=apples").body()).as("stemmed").contains("Apple chutney");
        assertThat(market.get("/search?q=durian").body()).contains("Nothing matches “durian”.");
        assertThat(market.get("/search").body()).contains("Search the market").doesNotContain("found for");
    }

    @Test
    void oddSearchesAreAnsweredAndOverlongOnesRefused() {
        for (String odd : new String[] {"%22", "%26%7C%21%3A*", "%28%29", "-", "or", "%27%3B+DROP+TABLE"}) {
            assertThat(market.get("/search?q=" + odd).statusCode()).as(odd).isEqualTo(200);
        }
        HttpResponse<String> overlong = market.get("/search?q=" + "a".repeat(ProductRoutes.MAX_QUERY_LENGTH + 1));
        assertThat(overlong.statusCode()).isEqualTo(400);
        assertThat(overlong.body()).contains("at most 200 characters");
    }

    @Test
    void searchResultsPageWithTheQueryKept() {
        HttpResponse<String> first = market.get("/search?q=plain+goods");

        assertThat(first.body()).contains("15 found");
        assertThat(Jsoup.parse(first.body()).select("a[rel=next]").attr("href")).isEqualTo("?q=plain+goods&page=2");
        assertThat(market.get("/search?q=plain+goods&page=2").body()).contains("Page 2 of 2");
    }

    @Test
    void aBoostedRequestGetsTheContentOnly() {
        HttpResponse<String> boosted = market.get("/products/rye-loaf/", "HX-Request", "true", "HX-Boosted", "true");

        assertThat(boosted.statusCode()).isEqualTo(200);
        assertThat(boosted.body()).contains("Rye loaf").doesNotContain("<!doctype html>");
        assertThat(boosted.headers().firstValue("Vary")).get().asString().contains("HX-Request");
    }

    @Test
    void otherServicesGetAProductCardAndTheFeaturedProductsLinkingToTheMarket() {
        HttpResponse<String> card = market.internal("/internal/fragments/product-card?slug=apple-chutney");

        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).contains("href=\"http://market.rose-ash.localhost:8080/products/apple-chutney/\"")
                .contains("Apple chutney").contains("£4.50")
                .contains("action=\"http://cart.rose-ash.localhost:8080/add\" data-cart-add")
                .contains("name=\"slug\" value=\"apple-chutney\"").doesNotContain("name=\"return\"")
                .as("a card stays small: one of it").contains("<input type=\"hidden\" name=\"quantity\" value=\"1\">")
                .doesNotContain("type=\"number\"");
        assertThat(market.internal("/internal/fragments/product-card?slug=product-1").body()).as("unlimited stock")
                .contains("data-cart-add");
        assertThat(market.internal("/internal/fragments/product-card?slug=rye-loaf").body()).doesNotContain("add-to-cart");
        assertThat(market.internal("/internal/fragments/product-card?slug=secret-draft").statusCode()).isEqualTo(404);
        assertThat(market.internal("/internal/fragments/product-card").statusCode()).isEqualTo(400);

        HttpResponse<String> featured = market.internal("/internal/fragments/featured-products");
        assertThat(featured.body()).contains("href=\"http://market.rose-ash.localhost:8080/products/pear-jam/\"")
                .doesNotContain("Rye loaf");
        assertThat(market.get("/internal/fragments/featured-products").statusCode()).as("not on the public socket")
                .isEqualTo(404);
    }

    private static String section(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as("%s is on the page", start).isNotNegative();
        int to = html.indexOf(end, from);
        return html.substring(from, to < 0 ? html.length() : to);
    }
}
