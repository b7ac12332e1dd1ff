package com.roseash.market.editor;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.market.MarketSettings;
import com.roseash.market.testing.RoutedMarket;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.testing.RoutedClient;
import com.sun.net.httpserver.HttpServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's import page: a shop's product page (a saved fixture, served on loopback, which this market is set
 * to allow) read into the new-product form, reviewed and saved; refusals shown on the import page.
 */
class ProductImportPageTest {

    private static RoutedMarket market;
    private static RedisCache redis;
    private static HttpServer shop;
    private static String shopUrl;

    @BeforeAll
    static void start() throws IOException {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String fixture = path.equals("/products/stoneware-mug") ? "shopify-product.html"
                    : path.equals("/blog/a-day-at-the-kiln") ? "blog-article.html" : "price-not-exact.html";
            byte[] page;
            try (InputStream in = ProductImportPageTest.class.getResourceAsStream("/import-fixtures/" + fixture)) {
                page = in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        shop.start();
        shopUrl = "http://127.0.0.1:" + shop.getAddress().getPort();
        market = new RoutedMarket(Map.of(MarketSettings.IMPORT_ALLOW_LOOPBACK.key(), "true",
                MarketSettings.IMPORT_TIMEOUT.key(), "PT2S"));
        redis = new RedisCache(new RedisSettings(market.redis.url(), Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        redis.close();
        market.close();
        shop.stop(0);
    }

    @Test
    void aShopsProductPageBecomesAFormToReviewAndThenADraft() {
        RoutedClient editor = editor();

        HttpResponse<String> imported = editor.submit("/editor/import", "/editor/import",
                Map.of("url", shopUrl + "/products/stoneware-mug"));

        assertThat(imported.statusCode()).isEqualTo(200);
        Document form = Jsoup.parse(imported.body());
        assertThat(form.select("input[name=title]").val()).isEqualTo("Hand-thrown Stoneware Mug");
        assertThat(form.select("input[name=price]").val()).isEqualTo("24.00");
        assertThat(form.select("input[name=currency]").val()).isEqualTo("GBP");
        assertThat(form.select("textarea[name=images]").text()).contains("https://");
        assertThat(form.select("input[name=sourceUrl]").val()).isEqualTo(shopUrl + "/products/stoneware-mug");
        long before = count();
        assertThat(count("WHERE title = 'Hand-thrown Stoneware Mug'")).as("nothing saved before the editor saves").isZero();

        Map<String, String> fields = new HashMap<>();
        form.select("form input[name], form textarea[name]").forEach(field ->
                fields.put(field.attr("name"), field.tagName().equals("textarea") ? field.wholeText() : field.val()));
        fields.remove("_csrf");
        fields.remove("featured");
        fields.put("action", "save");
        HttpResponse<String> saved = editor.submit("/editor/import", "/editor/products/new", fields);

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(count()).isEqualTo(before + 1);
        assertThat(market.get("/products/hand-thrown-stoneware-mug/").statusCode()).as("a draft, not for sale").isEqualTo(404);
        assertThat(editor.get(saved.headers().firstValue("Location").orElseThrow()).body())
                .contains("Imported from").contains(shopUrl + "/products/stoneware-mug");
    }

    @Test
    void aPriceThatCannotBeReadExactlyIsLeftForTheEditor() {
        HttpResponse<String> imported = editor().submit("/editor/import", "/editor/import", Map.of("url", shopUrl + "/odd"));

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(imported.body()).select("input[name=price]").val()).isEmpty();
        assertThat(imported.body()).contains("The page names no price we could read exactly: set one.");
    }

    @Test
    void refusalsAreShownOnTheImportPage() {
        RoutedClient editor = editor();
        long before = count();

        HttpResponse<String> noProduct = editor.submit("/editor/import", "/editor/import",
                Map.of("url", shopUrl + "/blog/a-day-at-the-kiln"));
        assertThat(noProduct.statusCode()).isEqualTo(422);
        assertThat(noProduct.body()).contains("No product data found at " + shopUrl + "/blog/a-day-at-the-kiln");

        HttpResponse<String> ftp = editor.submit("/editor/import", "/editor/import", Map.of("url", "ftp://shop.example/x"));
        assertThat(ftp.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(ftp.body()).select(".form-error").text()).isNotEmpty().contains("ftp");

        // The any-local address reaches this machine: refused even with loopback allowed.
        HttpResponse<String> anyLocal = editor.submit("/editor/import", "/editor/import",
                Map.of("url", "http://0.0.0.0:" + shop.getAddress().getPort() + "/products/stoneware-mug"));
        assertThat(anyLocal.statusCode()).isEqualTo(422);
        assertThat(anyLocal.body()).contains("any-local");

        assertThat(editor.submit("/editor/import", "/editor/import", Map.of("url", "")).statusCode()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyEditorsImport() {
        RoutedClient member = market.visitor().signedIn(redis, ServiceName.MARKET,
                Map.of("sub", "8", "name", "Mem Ber", "email", "m@example.org", "roles", "member"));
        HttpResponse<String> refused = member.submit("/", "/editor/import", Map.of("url", shopUrl + "/products/stoneware-mug"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("for editors only");
    }

    private static long count() {
        return count("");
    }

    private static long count(String where) {
        return market.db.client().execute().get("SELECT count(*) FROM market.products " + where)
                .map(row -> row.column(1).getLong()).orElseThrow();
    }

    private static RoutedClient editor() {
        return market.visitor().signedIn(redis, ServiceName.MARKET,
                Map.of("sub", "7", "name", "Ed Itor", "email", "ed@example.org", "roles", "editor"));
    }
}
