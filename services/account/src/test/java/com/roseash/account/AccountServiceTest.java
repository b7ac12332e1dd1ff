package com.roseash.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.account.testing.AccountDatabase;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.csrf.CsrfProtection;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;
import com.roseash.platform.web.CsrfToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account service's one full-stack test: started as the stack and the image start it, on its three
 * sockets. The dashboard itself is tested through the routing ({@code DashboardTest}).
 */
class AccountServiceTest {

    /** Known here, so the test can sign a CSRF token as a page of the service would. */
    private static final String SESSION_SECRET = "account-service-test-secret";
    private static RunningService account;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        Map<String, String> overrides = TestServices.overrides(AccountDatabase.migrated(), TestRedis.shared().url());
        overrides.put(PlatformSettings.SESSION_SECRET.key(), SESSION_SECRET);
        account = AccountService.start(overrides);
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    @Test
    void theDashboardOnThePublicSocketBackChannelLogoutOnTheInternalHealthOnTheAdmin() throws Exception {
        HttpResponse<String> dashboard = send(account.publicPort(), "GET", "/");
        assertThat(dashboard.statusCode()).as("anonymous: sent to sign in").isEqualTo(303);

        HttpResponse<String> logout = send(account.internalPort(), "POST", "/internal/auth/backchannel-logout");
        assertThat(logout.statusCode()).as("no logout token").isEqualTo(400);
        assertThat(logout.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(logout.body()).path("status").asInt()).isEqualTo(400);
        String browserValue = "b".repeat(43);
        assertThat(send(account.publicPort(), "POST", "/internal/auth/backchannel-logout",
                "Cookie", CsrfProtection.COOKIE + "=" + browserValue).statusCode()).as("no token: refused").isEqualTo(403);
        assertThat(send(account.publicPort(), "POST", "/internal/auth/backchannel-logout",
                "Cookie", CsrfProtection.COOKIE + "=" + browserValue, CsrfToken.HEADER, csrfToken(browserValue)).statusCode())
                .as("past the CSRF check: not on the public socket").isEqualTo(404);

        HttpResponse<String> ready = send(account.adminPort(), "GET", "/observe/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"schema\":\"account\"").contains("\"redis\":\"up\"");
    }

    private HttpResponse<String> send(int port, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token a page would carry for a browser holding {@code browserValue}: HMAC-SHA256 of it, URL-safe. */
    private static String csrfToken(String browserValue) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SESSION_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal(browserValue.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
