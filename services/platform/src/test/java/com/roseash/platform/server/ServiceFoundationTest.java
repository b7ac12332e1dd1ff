package com.roseash.platform.server;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import com.roseash.contract.ServiceName;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.server.ServiceFoundation.Pages;
import com.roseash.platform.testing.RoutedClient;
import com.roseash.platform.testing.TestPostgres;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The standard parts every service gets from its foundation, with no feature of its own added. */
class ServiceFoundationTest {

    @Test
    void aSignOnClientGetsSignInTheSignedInUserAndBackChannelLogout() {
        try (ServiceParts parts = bare(ServiceName.BLOG)) {
            HttpResponse<String> login = publicSocket(parts).get("/auth/login?return=/", "Accept", "text/html");
            assertThat(login.statusCode()).as("sign-in is mounted (federation is not running: 303 or 503)").isIn(303, 503);

            HttpResponse<String> logout = internalSocket(parts).post("/internal/auth/backchannel-logout", Map.of());
            assertThat(logout.statusCode()).as("mounted, and refuses a call without a logout token").isEqualTo(400);
        }
    }

    @Test
    void theSignOnProviderGetsNoSignInOfItsOwn() {
        try (ServiceParts parts = bare(ServiceName.FEDERATION)) {
            assertThat(publicSocket(parts).get("/auth/login", "Accept", "text/html").statusCode()).isEqualTo(404);
            assertThat(internalSocket(parts).post("/internal/auth/backchannel-logout", Map.of()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void everyServiceGetsTheStandardFeatures() {
        try (ServiceParts parts = bare(ServiceName.ACCOUNT)) {
            RoutedClient browser = publicSocket(parts);
            HttpResponse<String> missing = browser.get("/nothing-here", "Accept", "text/html");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).as("error pages in the layout").contains("<header");
            assertThat(missing.headers().firstValue("Content-Security-Policy")).as("security headers").isPresent();
            assertThat(browser.post("/auth/logout", Map.of()).statusCode()).as("CSRF protection").isEqualTo(403);
            assertThat(browser.get("/static/vendor/htmx.min.js").statusCode()).as("static assets").isEqualTo(200);
        }
    }

    private static ServiceParts bare(ServiceName service) {
        Map<String, String> overrides = TestServices.overrides(TestPostgres.shared().newDatabase(), TestRedis.shared().url());
        overrides.put(PlatformSettings.SESSION_SECRET.key(), "foundation-test-secret");
        ServiceFoundation platform = ServiceFoundation.load(service, PlatformSettings.all(), overrides);
        Pages pages = platform.pages(platform.accountMenu(), Optional.empty());
        return platform.parts(platform.server(pages));
    }

    private static RoutedClient publicSocket(ServiceParts parts) {
        HttpRouting.Builder routing = HttpRouting.builder();
        parts.server().setUpPublic(routing);
        return new RoutedClient(routing);
    }

    private static RoutedClient internalSocket(ServiceParts parts) {
        HttpRouting.Builder routing = HttpRouting.builder();
        parts.server().setUpInternal(routing);
        return new RoutedClient(routing);
    }
}
