package com.roseash.market;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.roseash.market.testing.MarketDatabase;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The market's one full-stack test: started as the stack and the image start it, with the demo products, on
 * its three sockets, each serving only its own part of the runtime contract.
 */
class MarketServiceTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static DatabaseSettings database;
    private static RunningService market;
    private static TestRedis redis;

    @BeforeAll
    static void start() {
        database = MarketDatabase.migrated();
        assertThat(MarketService.loadDemoProductsIfEmpty(database)).contains(8);
        redis = TestRedis.startNew();
        market = MarketService.start(TestServices.overrides(database, redis.url()));
    }

    @AfterAll
    static void stop() {
        market.close();
        redis.close();
    }

    @Test
    void theDemoMarketIsLoadedOnceWithItsStallsAndCategories() {
        assertThat(MarketService.loadDemoProductsIfEmpty(database)).as("not twice").isEmpty();

        String home = get(market.publicPort(), "/").body();
        assertThat(home).contains("Bramley apple chutney").contains("£4.50").contains("Preserves");
        String chutney = get(market.publicPort(), "/products/bramley-apple-chutney/").body();
        assertThat(chutney).contains("Sold by The Orchard Group").contains("<strong>Bramley</strong>")
                .contains("<li>340 g jar</li>");
        assertThat(get(market.publicPort(), "/products/heritage-tomato-seedlings/").body()).contains("Sold out");
    }

    @Test
    void pagesOnThePublicSocketFragmentsOnTheInternalHealthOnTheAdmin() {
        assertThat(get(market.publicPort(), "/internal/fragments/featured-products").statusCode()).isEqualTo(404);
        assertThat(get(market.internalPort(), "/internal/fragments/featured-products").body()).contains("Damson jam");
        assertThat(get(market.internalPort(), "/").statusCode()).as("no pages on the internal socket").isEqualTo(404);

        String ready = get(market.adminPort(), "/observe/health/ready").body();
        assertThat(ready).contains("\"schema\":\"market\"").contains("\"redis\":\"up\"");
        assertThat(get(market.publicPort(), "/observe/health/ready").statusCode()).isEqualTo(404);
    }

    @Test
    void withoutTheBlogAndCartTheHeaderHoldsPlaceholdersAndThePageStillServes() {
        HttpResponse<String> home = get(market.publicPort(), "/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("data-fragment=\"nav\"").contains("data-fragment=\"cart-mini\"");
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }
}
