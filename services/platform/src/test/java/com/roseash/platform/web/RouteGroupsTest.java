package com.roseash.platform.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.roseash.platform.csrf.CsrfExempt;
import com.roseash.platform.testing.TestRedis;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Route groups mounted by prefix, in any order, declaring their own CSRF exemptions. */
class RouteGroupsTest {

    private static TestSite site;

    /** Like the blog's pages: a catch-all at the root, registered before everything else. */
    static final class CatchAll implements HttpService {
        @Override
        public void routing(HttpRules rules) {
            rules.get("/{slug}/", (req, res) -> res.send("page " + req.path().pathParameters().get("slug")));
        }
    }

    static final class Editor implements HttpService {
        @Override
        public void routing(HttpRules rules) {
            rules.get("/", (req, res) -> res.send("editor list"))
                    .get("/{id}/", (req, res) -> res.send("editing " + req.path().pathParameters().get("id")));
        }
    }

    /** Like an inbox or a payment notification: other servers post here without a CSRF token. */
    static final class Hooks implements HttpService, CsrfExempt {
        @Override
        public void routing(HttpRules rules) {
            rules.post("/notify", (req, res) -> res.send("notified"))
                    .post("/{user}/inbox", (req, res) -> res.send("delivered to " + req.path().pathParameters().get("user")))
                    .post("/settings", (req, res) -> res.send("changed"));
        }

        @Override
        public List<String> csrfExemptPaths() {
            return List.of("/notify", "/{user}/inbox");
        }
    }

    @BeforeAll
    static void start() {
        site = new TestSite(TestRedis.shared().url(), Map.of(), server -> server
                .route("/", new CatchAll())
                .route("/editor", new Editor())
                .route("/hooks", new Hooks()));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aGroupMountedAfterTheRootCatchAllStillGetsItsPaths() {
        assertThat(site.get(site.publicUri("/editor/")).body()).isEqualTo("editor list");
        assertThat(site.get(site.publicUri("/editor/42/")).body()).isEqualTo("editing 42");
        assertThat(site.get(site.publicUri("/about/")).body()).isEqualTo("page about");
        assertThat(site.get(site.publicUri("/static/vendor/htmx.min.js")).body()).contains("htmx");
    }

    @Test
    void aGroupsDeclaredExemptionsTakeCrossSitePostsAndNothingElseDoes() {
        assertThat(crossSitePost("/hooks/notify").statusCode()).isEqualTo(200);
        assertThat(crossSitePost("/hooks/alice/inbox").body()).isEqualTo("delivered to alice");

        assertThat(crossSitePost("/hooks/settings").statusCode()).isEqualTo(403);
        assertThat(crossSitePost("/form").statusCode()).isEqualTo(403);
        assertThat(crossSitePost("/notify").statusCode()).as("the exemption is under the group's prefix only").isEqualTo(403);
    }

    private static HttpResponse<String> crossSitePost(String path) {
        return site.send(HttpRequest.newBuilder(site.publicUri(path))
                .header("Content-Type", "application/json").header("Origin", "https://elsewhere.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }
}
