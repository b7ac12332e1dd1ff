package com.roseash.market.importing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.roseash.platform.money.Money;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Fetch and extract together, against fixture pages served on 127.0.0.1. */
class ProductImporterTest {

    private static final Map<String, String> PAGES = Map.of(
            "/products/stoneware-mug", "shopify-product.html",
            "/catalogue/stools/rush", "relative-images.html",
            "/journal/kiln", "blog-article.html");

    private HttpServer server;
    private String base;
    private ProductPageFetcher fetcher;
    private OffMachineSink offMachine;
    private ProductImporter importer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        offMachine = new OffMachineSink();
        fetcher = new ProductPageFetcher(true, Duration.ofSeconds(2), offMachine.selector());
        importer = new ProductImporter(fetcher, new ProductExtractor());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        offMachine.close();
        assertThat(offMachine.received()).as("requests that would have left the machine").isEmpty();
        server.stop(0);
    }

    @Test
    void importsAShopifyProduct() {
        ImportedProduct product = importer.importFrom(base + "/products/stoneware-mug");

        assertThat(product.title()).isEqualTo("Hand-thrown Stoneware Mug");
        assertThat(product.price()).contains(Money.ofMinor(2400, "GBP"));
        assertThat(product.source()).isEqualTo(ImportedProduct.Source.JSON_LD);
        assertThat(product.sourceUrl()).isEqualTo(URI.create(base + "/products/stoneware-mug"));
    }

    @Test
    void relativeImagesResolveAgainstThePageTheRedirectsEndedAt() {
        ImportedProduct product = importer.importFrom(base + "/s/rush");

        assertThat(product.sourceUrl()).isEqualTo(URI.create(base + "/catalogue/stools/rush"));
        assertThat(product.imageUrls()).containsExactly(
                base + "/images/stool.jpg",
                base + "/catalogue/stools/stool-side.jpg",
                "http://cdn.chairs.example/stool-top.jpg",
                "https://chairs.example/images/stool.jpg");
    }

    @Test
    void aPageWithoutAProductIsRefusedSayingSo() {
        ImportRefused refused = catchThrowableOfType(ImportRefused.class, () -> importer.importFrom(base + "/journal/kiln"));

        assertThat(refused.message()).isEqualTo("No product data found at " + base + "/journal/kiln");
    }

    @Test
    void aRefusedFetchIsPassedOn() {
        ImportRefused refused = catchThrowableOfType(ImportRefused.class, () -> importer.importFrom("http://10.0.0.1/mug"));

        assertThat(refused.message()).contains("a private network address");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/s/rush")) {
                exchange.getResponseHeaders().set("Location", "/catalogue/stools/rush");
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            String fixture = PAGES.get(path);
            if (fixture == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = ProductExtractorTest.fixture(fixture).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
