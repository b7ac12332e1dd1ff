package com.roseash.market.editor;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.market.testing.RoutedMarket;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.testing.RoutedClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The market's editor over HTTP, with sessions put in Redis the way the sign-in callback stores them. */
class MarketEditorTest {

    private static RoutedMarket market;
    private static RedisCache redis;

    @BeforeAll
    static void start() {
        market = new RoutedMarket();
        redis = new RedisCache(new RedisSettings(market.redis.url(), Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        redis.close();
        market.close();
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndMembersAreRefusedWithNothingWritten() {
        HttpResponse<String> anonymous = visitor(null).get("/editor/");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).contains("/auth/login?return=%2Feditor%2F");

        RoutedClient member = visitor("member");
        assertThat(member.get("/editor/").body()).contains("for editors only");
        // A valid token (every signed-in page carries one in its sign-out form): refused for the role, not the token.
        HttpResponse<String> sneaky = member.submit("/", "/editor/products/new", product("Sneaky jam", "1.00", "publish"));
        assertThat(sneaky.statusCode()).isEqualTo(403);
        assertThat(sneaky.body()).contains("for editors only");
        assertThat(count("SELECT count(*) FROM market.products WHERE title = 'Sneaky jam'")).isZero();
    }

    @Test
    void anEditorSetsUpAStallAndACategoryAndPublishesAProduct() {
        RoutedClient editor = visitor("editor");
        assertThat(editor.submit("/editor/", "/editor/categories", Map.of("name", "Honey & Wax")).statusCode()).isEqualTo(303);
        assertThat(editor.submit("/editor/stalls/new", "/editor/stalls/new", Map.of("name", "Hive Collective",
                "ownerKind", "group", "owner", "beekeepers", "description", "Six hives on the allotment")).statusCode())
                .isEqualTo(303);

        Map<String, String> fields = product("Heather honey", "6.5", "save");
        fields.put("stock", "3");
        fields.put("category", "honey-and-wax");
        fields.put("stall", "hive-collective");
        fields.put("images", "https://img.example/honey.jpg\nhttps://img.example/honey-2.jpg");
        fields.put("markdown", "Set **heather** honey.\n\n<script>alert(1)</script>");
        HttpResponse<String> created = editor.submit("/editor/products/new", "/editor/products/new", fields);
        assertThat(created.statusCode()).isEqualTo(303);
        String editPage = created.headers().firstValue("Location").orElseThrow();
        assertThat(market.get("/products/heather-honey/").statusCode()).as("a draft is not for sale").isEqualTo(404);

        fields.put("action", "publish");
        assertThat(editor.submit(editPage, editPage, fields).statusCode()).isEqualTo(303);

        HttpResponse<String> page = market.get("/products/heather-honey/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("£6.50").contains("3 left").contains("Sold by Hive Collective")
                .contains("<strong>heather</strong>").doesNotContain("<script>alert(1)")
                .contains("src=\"https://img.example/honey-2.jpg\"").contains("href=\"../../category/honey-and-wax/\"");
        assertThat(market.get("/category/honey-and-wax/").body()).contains("Heather honey");
        assertThat(count("SELECT price_minor FROM market.products WHERE slug = 'heather-honey'")).isEqualTo(650);

        assertThat(editor.submit(editPage, editPage, Map.of("action", "unpublish")).statusCode()).isEqualTo(303);
        assertThat(market.get("/products/heather-honey/").statusCode()).isEqualTo(404);
        assertThat(market.get("/").body()).doesNotContain("Heather honey");
    }

    @Test
    void previewRendersTheDescriptionWithoutSaving() {
        RoutedClient editor = visitor("editor");
        Map<String, String> fields = product("Beeswax candle", "3", "publish");
        String editPage = editor.submit("/editor/products/new", "/editor/products/new", fields)
                .headers().firstValue("Location").orElseThrow();

        fields.put("markdown", "Hand *dipped*.");
        fields.put("action", "preview");
        HttpResponse<String> preview = editor.submit(editPage, editPage, fields);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("<em>dipped</em>");
        assertThat(market.get("/products/beeswax-candle/").body()).doesNotContain("dipped");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndNothingSaved() {
        RoutedClient editor = visitor("editor");

        Map<String, String> fields = product("Odd jar", "4.505", "save");
        fields.put("stock", "-1");
        fields.put("images", "https://img.example/ok.jpg\nhttp://img.example/plain.jpg\njavascript:alert(1)");
        HttpResponse<String> bad = editor.submit("/editor/products/new", "/editor/products/new", fields);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not a whole number of minor units of GBP")
                .contains("Stock is a whole number of items").contains("each starting with https://");

        Map<String, String> yen = product("Odd jar", "12.5", "save");
        yen.put("currency", "JPY");
        assertThat(editor.submit("/editor/products/new", "/editor/products/new", yen).body())
                .contains("is not a whole number of JPY");
        Map<String, String> notMoney = product("Odd jar", "1", "save");
        notMoney.put("currency", "POUNDS");
        assertThat(editor.submit("/editor/products/new", "/editor/products/new", notMoney).body())
                .contains("not an ISO 4217 currency code");
        assertThat(count("SELECT count(*) FROM market.products WHERE title = 'Odd jar'")).isZero();

        editor.submit("/editor/products/new", "/editor/products/new", product("Twice", "1", "save"));
        assertThat(editor.submit("/editor/products/new", "/editor/products/new", product("Twice", "1", "save")).body())
                .contains("Another product has this address already.");
        assertThat(editor.get("/editor/products/999999/").statusCode()).isEqualTo(404);
        assertThat(editor.get("/editor/products/abc/").statusCode()).isEqualTo(404);
        assertThat(editor.submit("/editor/stalls/new", "/editor/stalls/new", Map.of("name", "", "ownerKind", "cartel"))
                .body()).contains("A name of 1 to 120 characters").contains("a member or a group");
    }

    private static Map<String, String> product(String title, String price, String action) {
        return new HashMap<>(Map.of("title", title, "price", price, "currency", "GBP", "markdown", "", "action", action));
    }

    private static long count(String sql) {
        return market.db.client().execute().get(sql).map(row -> row.column(1).getLong()).orElseThrow();
    }

    /** A browser with a session of the given role (or none), as the sign-in callback leaves it in Redis. */
    private static RoutedClient visitor(String role) {
        return role == null ? market.visitor() : market.visitor().signedIn(redis, ServiceName.MARKET,
                Map.of("sub", "7", "name", "Ed Itor", "email", "ed@example.org", "roles", role));
    }
}
