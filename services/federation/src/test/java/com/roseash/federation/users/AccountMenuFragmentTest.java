package com.roseash.federation.users;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.roseash.federation.testing.RunningFederation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Federation's account-menu fragment, as the other services fetch it from its internal socket. */
class AccountMenuFragmentTest {

    @Test
    void showsWhoIsSignedInWithSignOutOrASignInLink() throws Exception {
        try (RunningFederation federation = new RunningFederation(Map.of())) {
            String signedIn = fetch(federation, "?name=" + encode("Maren <Holt>") + "&csrf=tok123&signin=%2Fauth%2Flogin"
                    + "&account=" + encode("http://account.test.example/"));
            assertThat(signedIn).contains("data-account-menu=\"federation\"")
                    .contains("<span class=\"signed-in-as\">Maren &lt;Holt&gt;</span>")
                    .contains("href=\"http://account.test.example/\"")
                    .contains("action=\"/auth/logout\"").contains("value=\"tok123\"")
                    .doesNotContain("Sign in");

            String anonymous = fetch(federation, "?signin=" + encode("/auth/login?return=%2Fabout%2F"));
            assertThat(anonymous).contains("<a class=\"sign-in\" href=\"/auth/login?return&#61;%2Fabout%2F\">Sign in</a>")
                    .contains("href=\"http://federation.test.example/register\"").doesNotContain("Sign out");
        }
    }

    private static String fetch(RunningFederation federation, String query) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + federation.service.internalPort() + "/internal/fragments/account-menu" + query)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
