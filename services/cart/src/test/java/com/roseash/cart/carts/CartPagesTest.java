package com.roseash.cart.carts;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.roseash.cart.testing.CartWorld;
import com.roseash.platform.fragments.CartMini;
import com.roseash.platform.testing.RoutedClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The cart as visitors use it, priced by the real market: adding from the platform's pages, changing, removing. */
class CartPagesTest {

    private static CartWorld world;

    @BeforeAll
    static void start() {
        world = new CartWorld();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void aPlainPostFromAProductPageAddsAndGoesBackThereAndTheCartKeepsIt() {
        RoutedClient visitor = world.visitor();
        String productPage = CartWorld.MARKET_ORIGIN + "/products/damson-jam/";
        HttpResponse<String> added = visitor.post("/add", Map.of("slug", "damson-jam", "quantity", "2", "return", productPage),
                "Origin", CartWorld.MARKET_ORIGIN);

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).contains(productPage);
        String cookie = added.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(CartMini.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");

        visitor.post("/add", Map.of("slug", "bramley-apple-chutney"), "Origin", CartWorld.MARKET_ORIGIN);
        String page = visitor.get("/", "Accept", "text/html").body();
        assertThat(page).contains("Damson jam").contains("Bramley apple chutney")
                .contains("value=\"2\"").contains("£12.40");
    }

    @Test
    void withJavaScriptTheAnswerIsTheHeadersNewMiniCartReadableByThePlatformsPage() {
        RoutedClient visitor = world.visitor();
        HttpResponse<String> added = visitor.post("/add?fragment=cart-mini", Map.of("slug", "cider-vinegar", "quantity", "3"),
                "Origin", CartWorld.MARKET_ORIGIN);

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("class=\"cart-count\">3<").contains("£15.00");
        assertThat(added.headers().firstValue("Access-Control-Allow-Origin")).contains(CartWorld.MARKET_ORIGIN);
        assertThat(added.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
        assertThat(added.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
    }

    @Test
    void addsFromAnyOtherSiteOrNamingNoOriginAreRefused() {
        RoutedClient visitor = world.visitor();
        HttpResponse<String> foreign = visitor.post("/add", Map.of("slug", "damson-jam"), "Origin", "http://evil.example",
                "Accept", "text/html");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("only from this platform");
        assertThat(visitor.post("/add", Map.of("slug", "damson-jam")).statusCode()).as("no Origin, no Referer").isEqualTo(403);
        assertThat(visitor.post("/add", Map.of("slug", "damson-jam"), "Referer", "http://evil.example/x").statusCode())
                .isEqualTo(403);
        assertThat(visitor.post("/add", Map.of("slug", "damson-jam"), "Referer", CartWorld.MARKET_ORIGIN + "/products/x/")
                .statusCode()).as("a platform page's Referer, when the browser sends no Origin").isEqualTo(303);
        assertThat(visitor.post("/add", Map.of("slug", "damson-jam", "return", "http://evil.example/"),
                "Origin", CartWorld.MARKET_ORIGIN).headers().firstValue("Location"))
                .as("never sent back to another site").contains("/");
    }

    @Test
    void badAddsAreRefusedSayingWhy() {
        RoutedClient visitor = world.visitor();
        HttpResponse<String> unknown = visitor.post("/add", Map.of("slug", "no-such-thing"), "Origin", CartWorld.MARKET_ORIGIN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("There is no product no-such-thing for sale.");
        HttpResponse<String> tooMany = visitor.post("/add", Map.of("slug", "damson-jam", "quantity", "1001"),
                "Origin", CartWorld.MARKET_ORIGIN);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("quantity must be 0 to 1000, not \\\"1001\\\"");
        assertThat(visitor.post("/add", Map.of("slug", "Bad Slug"), "Origin", CartWorld.MARKET_ORIGIN).statusCode())
                .isEqualTo(400);
        assertThat(visitor.get("/", "Accept", "text/html").body()).as("nothing was added").contains("Your cart is empty");
    }

    @Test
    void aCartHoldsAtMostAsManyProductsAsAnOrderMay() {
        RoutedClient visitor = world.visitor();
        HttpResponse<String> first = visitor.post("/add", Map.of("slug", "damson-jam"), "Origin", CartWorld.MARKET_ORIGIN);
        String cart = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(CartMini.COOKIE + "="))
                .findFirst().orElseThrow().split(";")[0].substring(CartMini.COOKIE.length() + 1);
        CartRepository carts = new CartRepository(world.db.client());
        for (int i = 1; i < 100; i++) {
            carts.add(cart, Seller.MARKET, "filler-" + i, 1);
        }

        HttpResponse<String> oneMore = visitor.post("/add", Map.of("slug", "cider-vinegar"), "Origin", CartWorld.MARKET_ORIGIN);
        assertThat(oneMore.statusCode()).isEqualTo(409);
        assertThat(oneMore.body()).contains("A cart holds at most 100 different products.");
        assertThat(visitor.post("/add", Map.of("slug", "damson-jam"), "Origin", CartWorld.MARKET_ORIGIN).statusCode())
                .as("more of one it holds").isEqualTo(303);
    }

    @Test
    void quantitiesChangeAndLinesGoWithTheCartPagesForms() {
        RoutedClient visitor = world.visitor();
        visitor.post("/add", Map.of("slug", "damson-jam"), "Origin", CartWorld.MARKET_ORIGIN);
        visitor.post("/add", Map.of("slug", "cider-vinegar"), "Origin", CartWorld.MARKET_ORIGIN);

        assertThat(visitor.submit("/", "/items/market/cider-vinegar", Map.of("quantity", "4")).statusCode()).isEqualTo(303);
        assertThat(visitor.get("/", "Accept", "text/html").body()).contains("£23.95");
        assertThat(visitor.submit("/", "/items/market/damson-jam/remove", Map.of()).statusCode()).isEqualTo(303);
        String page = visitor.get("/", "Accept", "text/html").body();
        assertThat(page).doesNotContain("Damson jam").contains("Cider vinegar").contains("£20.00");
        assertThat(visitor.submit("/", "/items/market/cider-vinegar", Map.of("quantity", "0")).statusCode()).isEqualTo(303);
        assertThat(visitor.get("/", "Accept", "text/html").body()).contains("Your cart is empty");
        assertThat(visitor.post("/items/market/damson-jam", Map.of("quantity", "1")).statusCode()).as("without the CSRF token")
                .isEqualTo(403);
    }

    @Test
    void theMiniCartIsTheVisitorsWithTheirCartAndTheEmptyOneWithout() {
        RoutedClient visitor = world.visitor();
        HttpResponse<String> added = visitor.post("/add", Map.of("slug", "damson-jam", "quantity", "2"),
                "Origin", CartWorld.MARKET_ORIGIN);
        String cart = added.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(CartMini.COOKIE + "="))
                .findFirst().orElseThrow().split(";")[0].substring(CartMini.COOKIE.length() + 1);

        assertThat(world.fragment("cart-mini?cart=" + cart)).contains("class=\"cart-count\">2<").contains("£7.90")
                .contains("href=\"" + world.cartUrl + "\"");
        assertThat(world.fragment("cart-mini")).contains("class=\"cart-count\">0<").doesNotContain("£");
        assertThat(world.fragment("cart-mini?cart=not-a-cart-id")).contains("class=\"cart-count\">0<");
    }

    @Test
    void theMiniCartKeepsPricesAMomentButAPriceTheMarketAnnouncesChangedShowsAtOnce() {
        RoutedClient visitor = world.visitor();
        HttpResponse<String> added = visitor.post("/add?fragment=cart-mini", Map.of("slug", "willow-plant-supports"),
                "Origin", CartWorld.MARKET_ORIGIN);
        assertThat(added.body()).contains("£7.50");
        String cart = added.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(CartMini.COOKIE + "="))
                .findFirst().orElseThrow().split(";")[0].substring(CartMini.COOKIE.length() + 1);

        world.db.client().execute().dml("UPDATE market.products SET price_minor = 800 WHERE slug = 'willow-plant-supports'");
        assertThat(world.fragment("cart-mini?cart=" + cart)).as("kept: the market was not asked again").contains("£7.50");
        assertThat(visitor.get("/", "Accept", "text/html").body()).as("the cart's page always asks").contains("£8.00");

        world.redisCache.contentChanges().announce("market");
        await().atMost(Duration.ofSeconds(5)).until(() -> world.fragment("cart-mini?cart=" + cart).contains("£8.00"));
    }

    @Test
    void aProductTheMarketNoLongerSellsShowsAsSuchAndOutOfStockIsSaid() {
        RoutedClient visitor = world.visitor();
        visitor.post("/add", Map.of("slug", "damson-jam", "quantity", "5"), "Origin", CartWorld.MARKET_ORIGIN);
        assertThat(visitor.get("/", "Accept", "text/html").body()).contains("Only 3 left");
    }
}
