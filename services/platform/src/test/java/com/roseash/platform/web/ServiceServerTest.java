package com.roseash.platform.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.roseash.platform.csrf.CsrfProtection;
import com.roseash.platform.testing.RawHttp;
import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceServerTest {

    /** What a browser's navigation sends. */
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static TestSite site;

    @BeforeAll
    static void start() {
        site = new TestSite(TestRedis.shared().url());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aPlainRequestGetsTheFullPageWithHtmxFromTheWebjar() {
        HttpResponse<String> page = site.get(site.publicUri("/"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).startsWith("<!doctype html>")
                .contains("<title>Home · Rose Ash</title>")
                .contains("<main id=\"content\">")
                .contains("hx-boost=\"true\"")
                .contains("src=\"/static/vendor/htmx.min.js\"")
                .contains("<a href=\"/about\">About</a>")
                .contains("&lt;b&gt;not bold&lt;/b&gt;");
        assertThat(page.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("HX-Request"));

        HttpResponse<String> htmx = site.get(site.publicUri("/static/vendor/htmx.min.js"));
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }

    @Test
    void aBoostedRequestGetsOnlyTheTitleAndTheContent() {
        HttpResponse<String> fragment = site.get(site.publicUri("/"), "HX-Request", "true", "HX-Boosted", "true");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<title>Home · Rose Ash</title>")
                .contains("<article class=\"test-page\">")
                .doesNotContain("<html").doesNotContain("<header").doesNotContain("htmx.min.js");
        assertThat(fragment.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("HX-Request"));
    }

    @Test
    void aHistoryRestoreGetsTheFullPageEvenWithHxRequest() {
        HttpResponse<String> restore = site.get(site.publicUri("/"),
                "HX-Request", "true", "HX-History-Restore-Request", "true");

        assertThat(restore.body()).startsWith("<!doctype html>").contains("<header");
    }

    @Test
    void unknownPathsGetTheNotFoundPageInTheLayout() {
        HttpResponse<String> missing = site.get(site.publicUri("/no/such/page"), "Accept", BROWSER);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<header").contains("Page not found").contains("/no/such/page");

        HttpResponse<String> boosted = site.get(site.publicUri("/no/such/page"), "HX-Request", "true");
        assertThat(boosted.statusCode()).isEqualTo(404);
        assertThat(boosted.body()).startsWith("<title>Page not found").doesNotContain("<header");
    }

    @Test
    void anExceptionGivesTheErrorPageWithAnIncidentIdAndNoStackTrace() {
        HttpResponse<String> error = site.get(site.publicUri("/boom"), "Accept", BROWSER);

        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.body()).contains("<header").contains("Something went wrong").containsPattern("incident [0-9a-f]{8}")
                .doesNotContain("secret internal detail").doesNotContain("IllegalStateException").doesNotContain("at com.");
    }

    @Test
    void aBadRequestSaysWhatWasWrong() {
        HttpResponse<String> bad = site.get(site.publicUri("/bad"), "Accept", BROWSER);

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("page must be a whole number");
    }

    @Test
    void helidonsOwnBadRequestExceptionAlsoReachesTheErrorPages() {
        // Helidon 4.1 answered its BadRequestException itself, in plain text; 4.5 calls the routing's handlers.
        HttpResponse<String> bad = site.get(site.publicUri("/bad-from-helidon"), "Accept", BROWSER);

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("<header").contains("Bad request").contains("size must be a whole number");
    }

    @Test
    void aQueryWithAnUnencodedColonIsNotRefused() {
        // How fediverse servers call WebFinger: RFC 3986 allows ':' and '@' unencoded in a query.
        HttpResponse<String> page = site.get(site.publicUri("/?resource=acct:blog@example.org"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Home · Rose Ash</title>");
    }

    @Test
    void everyPublicResponseCarriesSecurityHeadersAndAStrictPolicy() {
        HttpResponse<String> page = site.get(site.publicUri("/"));

        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertSecured("a page", page.statusCode(), page.headers()::firstValue);
        assertThat(page.body()).doesNotContainPattern("<script>(?!</script>)").doesNotContain("<script>\n")
                .doesNotContain(" onclick=").doesNotContain("<style");
    }

    @Test
    void everyErrorPageCarriesTheSecurityHeadersToo() {
        Browser browser = Browser.open(site);
        Map<String, HttpResponse<String>> errors = new LinkedHashMap<>();
        errors.put("400 /bad", site.get(site.publicUri("/bad"), "Accept", BROWSER));
        errors.put("400 /bad-from-helidon", site.get(site.publicUri("/bad-from-helidon"), "Accept", BROWSER));
        errors.put("400 a malformed form", site.send(HttpRequest.newBuilder(site.publicUri("/form")).header("Accept", BROWSER)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", browser.cookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + browser.token + "&name=%zz")).build()));
        errors.put("403 a form without its token", site.send(HttpRequest.newBuilder(site.publicUri("/form"))
                .header("Accept", BROWSER).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Mallory")).build()));
        errors.put("404 a page", site.get(site.publicUri("/missing"), "Accept", BROWSER));
        errors.put("404 problem+json", site.get(site.publicUri("/missing"), "Accept", "application/json"));
        errors.put("404 boosted", site.get(site.publicUri("/missing"), "HX-Request", "true"));
        errors.put("500 /boom", site.get(site.publicUri("/boom"), "Accept", BROWSER));
        errors.put("500 /boom problem+json", site.get(site.publicUri("/boom"), "Accept", "application/json"));

        errors.forEach((what, error) -> {
            assertThat(error.statusCode()).as(what).isEqualTo(Integer.parseInt(what.substring(0, 3)));
            assertSecured(what, error.statusCode(), error.headers()::firstValue);
        });

        // Refused by Helidon before routing (a '%' not followed by two hex digits in the path): its direct handler.
        RawHttp.Response refused = RawHttp.send(site.server.port(),
                RawHttp.request("GET", "/a%zz", Map.of("Host", "127.0.0.1", "Accept", BROWSER), new byte[0]));
        assertThat(refused.status()).as("400 before routing").isEqualTo(400);
        assertSecured("400 before routing", refused.status(), refused::header);
    }

    /** The security headers every public response carries (docs/platform.md, "Security"). */
    private static void assertSecured(String what, int status, Function<String, Optional<String>> header) {
        String answer = what + " (HTTP " + status + ")";
        assertThat(header.apply("Content-Security-Policy")).as(answer + ": Content-Security-Policy")
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'").contains("script-src 'self'")
                        .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(header.apply("X-Content-Type-Options")).as(answer + ": X-Content-Type-Options").contains("nosniff");
        assertThat(header.apply("X-Frame-Options")).as(answer + ": X-Frame-Options").contains("DENY");
        assertThat(header.apply("Referrer-Policy")).as(answer + ": Referrer-Policy").contains("strict-origin-when-cross-origin");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        HttpResponse<String> forged = site.send(HttpRequest.newBuilder(site.publicUri("/form"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Mallory")).build());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("did not come from this site");

        HttpResponse<String> json = site.send(HttpRequest.newBuilder(site.publicUri("/api/echo"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(json.statusCode()).isEqualTo(403);
    }

    @Test
    void aFormPostWithAnotherBrowsersTokenIsRefused() {
        Browser alice = Browser.open(site);
        Browser mallory = Browser.open(site);

        HttpResponse<String> response = site.send(HttpRequest.newBuilder(site.publicUri("/form"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", mallory.cookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + alice.token + "&name=Mallory")).build());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aFormPostWithItsTokenGoesThroughToTheHandler() {
        Browser browser = Browser.open(site);

        HttpResponse<String> posted = site.send(HttpRequest.newBuilder(site.publicUri("/form"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", browser.cookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + browser.token + "&name=Alice")).build());
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).isEqualTo("Hello Alice");

        HttpResponse<String> viaHeader = site.send(HttpRequest.newBuilder(site.publicUri("/api/echo"))
                .header("Cookie", browser.cookie).header("X-CSRF-Token", browser.token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(viaHeader.statusCode()).isEqualTo(200);
    }

    @Test
    void malformedAndOversizedFormsAreRefusedWithAReason() {
        Browser browser = Browser.open(site);

        HttpResponse<String> malformed = site.send(HttpRequest.newBuilder(site.publicUri("/form"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", browser.cookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + browser.token + "&name=%zz")).build());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not properly encoded");

        HttpResponse<String> huge = site.send(HttpRequest.newBuilder(site.publicUri("/form"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", browser.cookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + browser.token + "&name=" + "x".repeat(1_100_000))).build());
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @Test
    void fragmentsAreServedOnTheInternalSocketOnly() {
        HttpResponse<String> fragment = site.get(site.internalUri("/internal/fragments/greeting"));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).isEqualTo("<p>hi</p>");
        HttpResponse<String> unknown = site.get(site.internalUri("/internal/fragments/unknown"), "Accept", BROWSER);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).as("JSON errors on the internal socket, even for a browser")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        assertThat(site.get(site.publicUri("/internal/fragments/greeting")).statusCode()).as("public socket").isEqualTo(404);
        assertThat(site.get(site.adminUri("/internal/fragments/greeting")).statusCode()).as("admin socket").isEqualTo(404);
    }

    @Test
    void theInternalSocketServesNoPagesAssetsHealthOrMetrics() {
        for (String path : List.of("/", "/boom", "/static/vendor/htmx.min.js", "/observe/health/ready", "/observe/health/live",
                "/observe/metrics")) {
            HttpResponse<String> answer = site.get(site.internalUri(path), "Accept", BROWSER);
            assertThat(answer.statusCode()).as("internal socket, " + path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as("internal socket, " + path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).as("internal socket, " + path).startsWith("{\"type\"").doesNotContain("<html")
                    .doesNotContain("# TYPE").doesNotContain("\"status\":\"UP\"");
        }
        HttpResponse<String> form = site.send(HttpRequest.newBuilder(site.internalUri("/form"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Mallory")).build());
        assertThat(form.statusCode()).as("a public form handler on the internal socket").isEqualTo(404);
    }

    @Test
    void healthAndMetricsAreOnTheAdminSocketOnly() {
        HttpResponse<String> ready = site.get(site.adminUri("/observe/health/ready"));
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"redis\"").contains("\"up\"");
        assertThat(site.get(site.adminUri("/observe/health/live")).statusCode()).isIn(200, 204);

        HttpResponse<String> metrics = site.get(site.adminUri("/observe/metrics"), "Accept", "text/plain");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");

        for (String path : List.of("/observe/health/ready", "/observe/health/live", "/observe/metrics")) {
            assertThat(site.get(site.publicUri(path)).statusCode()).as("public socket, " + path).isEqualTo(404);
            assertThat(site.get(site.internalUri(path)).statusCode()).as("internal socket, " + path).isEqualTo(404);
        }
        assertThat(site.get(site.adminUri("/")).statusCode()).as("no pages on the admin socket").isEqualTo(404);
    }

    /** A cookie jar of one: what a browser holds after its first page. */
    record Browser(String cookie, String token) {
        private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

        static Browser open(TestSite site) {
            HttpResponse<String> page = site.get(site.publicUri("/"));
            String cookie = page.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(CsrfProtection.COOKIE + "="))
                    .map(c -> c.substring(0, c.indexOf(';')))
                    .findFirst().orElseThrow();
            Matcher matcher = TOKEN.matcher(page.body());
            assertThat(matcher.find()).isTrue();
            return new Browser(cookie, matcher.group(1));
        }
    }
}
