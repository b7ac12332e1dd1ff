package com.roseash.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.account.testing.AccountDatabase;
import com.roseash.platform.server.RunningService;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account service's one full-stack test: started as the stack and the image start it, on its three
 * sockets. The dashboard itself is tested through the routing ({@code DashboardTest}).
 */
class AccountServiceTest {

    private static RunningService account;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        account = AccountService.start(TestServices.overrides(AccountDatabase.migrated(), TestRedis.shared().url()));
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
        assertThat(send(account.publicPort(), "POST", "/internal/auth/backchannel-logout").statusCode())
                .as("not on the public socket").isIn(403, 404);

        HttpResponse<String> ready = send(account.adminPort(), "GET", "/observe/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"schema\":\"account\"").contains("\"redis\":\"up\"");
    }

    private HttpResponse<String> send(int port, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
