package com.roseash.platform.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.contract.ServiceName;
import com.roseash.platform.auth.ClientSettings;
import com.roseash.platform.auth.OidcLogin;
import com.roseash.platform.auth.SessionStore;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Error bodies by Accept: pages in the layout for browsers, RFC 9457 problem+json for API clients. */
class ErrorBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRICKY = "He said \"stop\" \\ then\nleft <script>alert('x')</script>";

    private static RedisCache loginCache;
    private static TestSite site;

    @BeforeAll
    static void start() {
        loginCache = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofMillis(250)));
        RoseAshConfig config = RoseAshConfig.load(PlatformSettings.all(), Map.of());
        OidcLogin login = new OidcLogin(ClientSettings.from(config, ServiceName.BLOG),
                new SessionStore(loginCache, "errors-test", Duration.ofMinutes(5), Duration.ofHours(1)), loginCache,
                ErrorResponses.jsonOnly(), config.string(PlatformSettings.DOMAIN));
        site = new TestSite(TestRedis.shared().url(), Map.of(), server -> server
                .route("/tricky", rules -> rules.get("/", (req, res) -> {
                    throw ErrorResponses.badRequest(TRICKY);
                }))
                .internalRoute(OidcLogin.INTERNAL_MOUNT, login.backChannelLogout()));
    }

    @AfterAll
    static void stop() {
        site.close();
        loginCache.close();
    }

    @Test
    void notFoundBadRequestAndForbiddenArePagesForBrowsers() {
        HttpResponse<String> missing = site.get(site.publicUri("/no/such/page"), "Accept", "text/html");
        HttpResponse<String> bad = site.get(site.publicUri("/bad"), "Accept", "text/html");
        HttpResponse<String> forbidden = forgedPost("text/html");

        for (HttpResponse<String> page : new HttpResponse[] {missing, bad, forbidden}) {
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).startsWith("<!doctype html>").contains("<header");
        }
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").contains("/no/such/page");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("page must be a whole number");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("did not come from this site");
    }

    @Test
    void everyErrorAnswerCarriesTheSecurityHeaders() {
        // A routed 404, a thrown 400, a refused form (thrown 403) and a thrown 500, for browsers and API clients.
        for (String accept : new String[] {"text/html", "application/json"}) {
            for (HttpResponse<String> error : List.of(site.get(site.publicUri("/no/such/page"), "Accept", accept),
                    site.get(site.publicUri("/tricky"), "Accept", accept), forgedPost(accept),
                    site.get(site.publicUri("/boom"), "Accept", accept))) {
                assertThat(error.statusCode()).isBetween(400, 599);
                assertThat(error.headers().firstValue("Content-Security-Policy")).as(error.uri() + " " + accept)
                        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
                assertThat(error.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
                assertThat(error.headers().firstValue("X-Frame-Options")).contains("DENY");
            }
        }
    }

    @Test
    void theSameErrorsAreProblemJsonForApiClients() throws Exception {
        assertProblem(site.get(site.publicUri("/no/such/page"), "Accept", "application/json"), 404, "Not Found",
                "There is no page at /no/such/page.");
        assertProblem(site.get(site.publicUri("/bad"), "Accept", "application/json"), 400, "Bad Request",
                "page must be a whole number");
        assertProblem(forgedPost("application/json"), 403, "Forbidden",
                "This form has expired or did not come from this site. Reload the page and try again.");
    }

    @Test
    void activityPubClientsAndClientsThatNameNoHtmlGetJson() throws Exception {
        assertProblem(site.get(site.publicUri("/missing"), "Accept", "application/activity+json"), 404, "Not Found",
                "There is no page at /missing.");
        assertProblem(site.get(site.publicUri("/missing"), "Accept", "application/ld+json; profile=\"x\""), 404, "Not Found",
                "There is no page at /missing.");
        assertProblem(site.get(site.publicUri("/missing"), "Accept", "*/*"), 404, "Not Found", "There is no page at /missing.");
        assertProblem(site.get(site.publicUri("/missing")), 404, "Not Found", "There is no page at /missing.");
    }

    @Test
    void aMessageWithQuotesNewlinesAndMarkupIsValidJson() throws Exception {
        HttpResponse<String> response = site.get(site.publicUri("/tricky"), "Accept", "application/problem+json");

        // Parsed back to the very same text: escaped by Jackson, not pasted into a string.
        assertProblem(response, 400, "Bad Request", TRICKY);
    }

    @Test
    void aServerErrorNeverShowsTheExceptionsMessage() throws Exception {
        HttpResponse<String> response = site.get(site.publicUri("/boom"), "Accept", "application/json");

        JsonNode problem = assertProblem(response, 500, "Internal Server Error", null);
        assertThat(problem.path("detail").asText()).matches("Something went wrong on our side\\..*incident [0-9a-f]{8}\\.");
        assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
    }

    @Test
    void theInternalSocketAnswersProblemJsonWhateverTheClientAccepts() throws Exception {
        assertProblem(site.get(site.internalUri("/internal/fragments/unknown"), "Accept", "text/html"), 404, "Not Found",
                "Unknown fragment type: unknown");
        assertProblem(site.get(site.internalUri("/nothing/here"), "Accept", "text/html"), 404, "Not Found",
                "There is no page at /nothing/here.");

        HttpResponse<String> refused = site.send(HttpRequest.newBuilder(site.internalUri(OidcLogin.BACKCHANNEL_LOGOUT_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=%22%3Cnot-a-jwt%3E%22")).build());
        assertProblem(refused, 400, "Bad Request", "The logout token was refused: the logout token is not a signed JWT");
    }

    private static HttpResponse<String> forgedPost(String accept) {
        return site.send(HttpRequest.newBuilder(site.publicUri("/form"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("name=Mallory")).build());
    }

    /** Checks status, media type and the four RFC 9457 members; {@code detail} too unless null. */
    private static JsonNode assertProblem(HttpResponse<String> response, int status, String title, String detail)
            throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).isEqualTo(title);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (detail != null) {
            assertThat(problem.path("detail").asText()).isEqualTo(detail);
        }
        return problem;
    }
}
