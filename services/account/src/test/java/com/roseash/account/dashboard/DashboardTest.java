package com.roseash.account.dashboard;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.account.AccountService;
import com.roseash.account.testing.AccountDatabase;
import com.roseash.contract.ServiceName;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.server.ServiceParts;
import com.roseash.platform.testing.RoutedClient;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;
import com.sun.net.httpserver.HttpServer;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member's dashboard through the account service's routing, without sockets. A session is put in
 * Redis the way the sign-in callback stores it; signing in through federation is tested in federation
 * and in the browser tests.
 */
class DashboardTest {

    private static ServiceParts account;
    private static RedisCache redis;
    /** Cart's internal socket, as far as the dashboard needs it: the member-orders fragment, or nothing. */
    private static HttpServer cart;
    private static volatile boolean cartAnswers = true;
    private static final List<String> ASKED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void build() throws IOException {
        cart = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cart.createContext("/internal/fragments/member-orders", exchange -> {
            ASKED.add(exchange.getRequestURI().getRawQuery());
            byte[] body = "<section class=\"member-orders\"><a href=\"http://cart.test/orders/ord_1/\">ord_1</a> paid</section>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(cartAnswers ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        cart.start();
        Map<String, String> overrides = TestServices.overrides(AccountDatabase.migrated(), TestRedis.shared().url());
        overrides.put(PlatformSettings.internalUrl(ServiceName.CART).key(), "http://127.0.0.1:" + cart.getAddress().getPort());
        account = AccountService.parts(overrides);
        redis = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)));
    }

    @AfterAll
    static void close() {
        redis.close();
        account.close();
        cart.stop(0);
    }

    @Test
    void aMemberSeesTheirOrdersFromCartAndThePageStillRendersWhenCartCannotAnswer() {
        String dashboard = visitor("member").get("/", "Accept", "text/html").body();
        assertThat(dashboard).contains("<h2>Your orders</h2>").contains("href=\"http://cart.test/orders/ord_1/\"");
        assertThat(ASKED).as("cart is asked for this member's orders only").contains("member=7");

        cartAnswers = false;
        try {
            String degraded = visitor("member").get("/", "Accept", "text/html").body();
            assertThat(degraded).contains("<h1>Your account</h1>").contains("Your orders cannot be shown just now.")
                    .doesNotContain("ord_1");
        } finally {
            cartAnswers = true;
        }
    }

    @Test
    void anAnonymousVisitorIsSentToSignInAndBack() {
        HttpResponse<String> anonymous = visitor(null).get("/", "Accept", "text/html");

        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).contains("/auth/login?return=%2F");
    }

    @Test
    void aMemberSeesTheProfileFederationVouchedFor() {
        HttpResponse<String> dashboard = visitor("member,editor").get("/", "Accept", "text/html");

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<h1>Your account</h1>")
                .contains("<dd class=\"profile-name\">Ada Lovelace</dd>")
                .contains("<dd class=\"profile-email\">ada@example.org</dd>")
                .contains("<span class=\"role\">editor</span> <span class=\"role\">member</span>")
                .contains("Sign out");
        assertThat(dashboard.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void aBoostedVisitGetsTheContentOnly() {
        HttpResponse<String> fragment = visitor("member").get("/", "HX-Request", "true", "HX-Boosted", "true");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<title>").contains("<h1>Your account</h1>").doesNotContain("<html");
        assertThat(fragment.headers().firstValue("Vary")).hasValueSatisfying(vary -> assertThat(vary).contains("HX-Request"));
    }

    @Test
    void aSignedInUserWithoutTheMemberRoleIsRefusedWithAReason() throws Exception {
        HttpResponse<String> page = visitor("guest").get("/", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("This page is for members only.").contains("<html");

        HttpResponse<String> json = visitor("guest").get("/", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(new ObjectMapper().readTree(json.body()).path("detail").asText()).isEqualTo("This page is for members only.");
    }

    @Test
    void anUnknownPathIsNotFound() {
        assertThat(visitor("member").get("/no-such-page", "Accept", "text/html").statusCode()).isEqualTo(404);
    }

    /** A browser with a session holding {@code roles} (or none), as the sign-in callback leaves it in Redis. */
    private static RoutedClient visitor(String roles) {
        HttpRouting.Builder routing = HttpRouting.builder();
        account.server().setUpPublic(routing);
        RoutedClient visitor = new RoutedClient(routing);
        return roles == null ? visitor : visitor.signedIn(redis, ServiceName.ACCOUNT,
                Map.of("sub", "7", "name", "Ada Lovelace", "email", "ada@example.org", "roles", roles));
    }
}
