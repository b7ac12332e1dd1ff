package com.roseash.blog.posts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.roseash.blog.testing.RunningBlog;
import com.roseash.contract.ServiceName;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.db.Database;
import com.roseash.platform.markdown.MarkdownRenderer;
import com.roseash.platform.testing.TestRedis;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code [[product:<slug>]]} in a post or page, against a stand-in market's internal socket: its card in place of
 * the marker, a link to the product when the market cannot show it, and the marker left alone where it is not a
 * paragraph of its own. Each test has its own Redis, so no page another cached is served here.
 */
class ProductCardsInPostsTest {

    private static final String CARD = "<div class=\"product-card\"><a class=\"product-link\" "
            + "href=\"http://market.rose-ash.localhost:8080/products/damson-jam/\">Damson jam</a></div>";
    private static final String POST = """
            Our jam is back.

            [[product:damson-jam]]

            Try [[product:damson-jam]] on toast.

            ```
            [[product:damson-jam]]
            ```

            [[product:no-such-jam]]

            [[product:Damson Jam]]
            """;

    private final List<String> asked = new CopyOnWriteArrayList<>();

    @Test
    void aMarkerOnItsOwnLineShowsTheMarketsCardAndAnUnknownProductALink() throws IOException {
        HttpServer market = market();
        try (TestRedis redis = TestRedis.startNew();
             RunningBlog blog = new RunningBlog(redis.url(), marketAt("http://127.0.0.1:" + market.getAddress().getPort()))) {
            publish(blog, "post", "jam-news", POST);
            publish(blog, "page", "our-stall", "[[product:damson-jam]]");

            HttpResponse<String> post = blog.get("/posts/jam-news/");

            assertThat(post.statusCode()).isEqualTo(200);
            String body = post.body();
            assertThat(body).contains("<p>Our jam is back.</p>\n" + CARD + "\n<p>Try [[product:damson-jam]] on toast.</p>")
                    .as("in a code block: text").contains("<pre><code>[[product:damson-jam]]\n</code></pre>")
                    .as("not in the market: a link to where it would be").contains("<p><a class=\"product-card-unavailable\" "
                            + "href=\"http://market.rose-ash.localhost:8080/products/no-such-jam/\">See this product in the market</a></p>")
                    .as("a slug that cannot exist: text").contains("<p>[[product:Damson Jam]]</p>");
            assertThat(body.split("class=\"product-card\"", -1)).as("one card").hasSize(2);
            assertThat(post.headers().firstValue("Content-Security-Policy")).as("the card's form may post to cart")
                    .hasValueSatisfying(csp -> assertThat(csp).containsPattern("form-action [^;]*http://cart.rose-ash.localhost:8080"));
            assertThat(Set.copyOf(asked)).as("only valid slugs are asked for")
                    .containsExactlyInAnyOrder("damson-jam", "no-such-jam");

            assertThat(blog.get("/our-stall/").body()).as("a page shows cards too").contains(CARD);

            String feed = blog.get("/feed.xml").body();
            assertThat(feed).as("the feed links to the product, with no cart form")
                    .contains("href=\"http://market.rose-ash.localhost:8080/products/damson-jam/\"")
                    .doesNotContain("product-card").doesNotContain("&lt;p&gt;[[product:damson-jam]]&lt;/p&gt;");
        } finally {
            market.stop(0);
        }
    }

    @Test
    void whileTheMarketIsDownThePostLinksToTheProduct() throws IOException {
        HttpServer market = market();
        String deadMarket = "http://127.0.0.1:" + market.getAddress().getPort();
        market.stop(0);
        try (TestRedis redis = TestRedis.startNew(); RunningBlog blog = new RunningBlog(redis.url(), marketAt(deadMarket))) {
            publish(blog, "post", "jam-news", POST);

            HttpResponse<String> post = blog.get("/posts/jam-news/");

            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(post.body()).contains("<p>Our jam is back.</p>\n<p><a class=\"product-card-unavailable\" "
                    + "href=\"http://market.rose-ash.localhost:8080/products/damson-jam/\">See this product in the market</a></p>")
                    .doesNotContain("class=\"product-card\"").contains("<pre><code>[[product:damson-jam]]\n</code></pre>");
        }
    }

    private static Map<String, String> marketAt(String internalUrl) {
        return Map.of(PlatformSettings.internalUrl(ServiceName.MARKET).key(), internalUrl);
    }

    /** Stores an entry as the editor would: its Markdown rendered and sanitised. */
    private static void publish(RunningBlog blog, String kind, String slug, String markdown) {
        try (Database database = Database.connect(blog.database)) {
            database.client().execute().insert("INSERT INTO blog.entries (kind, slug, title, markdown, html, status, "
                    + "published_at) VALUES (?, ?, ?, ?, ?, 'published', now())",
                    kind, slug, "Jam " + kind, markdown, new MarkdownRenderer().render(markdown));
        }
    }

    /** The market's product-card fragment for damson-jam; 404 for any other product, as the market answers. */
    private HttpServer market() throws IOException {
        HttpServer market = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        market.createContext("/internal/fragments/product-card", exchange -> {
            String slug = slug(exchange);
            asked.add(slug);
            byte[] body = (slug.equals("damson-jam") ? CARD : "There is no product " + slug + ".")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(slug.equals("damson-jam") ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        market.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        market.start();
        return market;
    }

    private static String slug(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return query != null && query.startsWith("slug=")
                ? URLDecoder.decode(query.substring("slug=".length()), StandardCharsets.UTF_8) : "";
    }
}
