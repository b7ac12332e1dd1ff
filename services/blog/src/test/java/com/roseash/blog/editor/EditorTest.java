package com.roseash.blog.editor;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.roseash.blog.testing.RunningBlog;
import com.roseash.platform.auth.OidcLogin;
import com.roseash.platform.auth.SessionStore;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.csrf.CsrfProtection;
import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor over HTTP. Signing in through federation is tested in federation and in the browser tests;
 * here a session is put in Redis the way the sign-in callback stores it.
 */
class EditorTest {

    private static RunningBlog blog;
    private static RedisCache redis;

    @BeforeAll
    static void start() {
        blog = new RunningBlog(TestRedis.shared().url(), Map.of());
        redis = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        redis.close();
        blog.close();
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndMembersAreForbidden() {
        HttpResponse<String> anonymous = new Visitor(null).get("/editor/");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).contains("/auth/login?return=%2Feditor%2F");

        HttpResponse<String> member = new Visitor("member").get("/editor/");
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(member.body()).contains("for editors only");
        assertThat(new Visitor("member").submit("/editor/new", "/editor/new", Map.of("title", "Sneaky", "action", "publish"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void anEditorPublishesAPostAndItAppearsOnTheHomePage() {
        Visitor editor = new Visitor("editor");
        blog.get("/");

        HttpResponse<String> created = editor.submit("/editor/new", "/editor/new", Map.of(
                "kind", "post", "title", "Harvest supper on Friday", "markdown",
                        "Bring a **dish** to share.\n\n<script>alert(1)</script>",
                "tags", "Events, Harvest", "action", "save"));
        assertThat(created.statusCode()).isEqualTo(303);
        String editPage = created.headers().firstValue("Location").orElseThrow();
        assertThat(blog.get("/").body()).as("a draft is not published").doesNotContain("Harvest supper on Friday");
        assertThat(blog.get("/posts/harvest-supper-on-friday/").statusCode()).isEqualTo(404);

        assertThat(editor.submit(editPage, editPage, Map.of("title", "Harvest supper on Friday",
                "markdown", "Bring a **dish** to share.\n\n<script>alert(1)</script>", "tags", "Events, Harvest", "action",
                        "publish"))
                .statusCode()).isEqualTo(303);

        assertThat(blog.get("/").body()).contains("Harvest supper on Friday")
                .contains("href=\"posts/harvest-supper-on-friday/\"");
        HttpResponse<String> post = blog.get("/posts/harvest-supper-on-friday/");
        assertThat(post.body()).contains("<strong>dish</strong>").doesNotContain("<script>alert(1)")
                .contains("href=\"../../tag/harvest/\"");

        assertThat(editor.submit(editPage, editPage, Map.of("action", "unpublish")).statusCode()).isEqualTo(303);
        assertThat(blog.get("/").body()).doesNotContain("Harvest supper on Friday");
    }

    @Test
    void previewShowsTheRenderedTextWithoutSaving() {
        Visitor editor = new Visitor("editor");
        String editPage = editor.submit("/editor/new", "/editor/new", Map.of("kind", "page", "title", "Opening hours",
                "markdown", "Saturdays", "action", "publish")).headers().firstValue("Location").orElseThrow();

        HttpResponse<String> preview = editor.submit(editPage, editPage, Map.of("title", "Opening hours",
                "markdown", "Saturdays and *Sundays*", "action", "preview"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("<em>Sundays</em>");
        assertThat(blog.get("/opening-hours/").body()).contains("Saturdays").doesNotContain("Sundays");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        Visitor editor = new Visitor("editor");

        HttpResponse<String> noTitle = editor.submit("/editor/new", "/editor/new",
                Map.of("kind", "post", "title", "", "slug", "Bad Slug!"));
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.body()).contains("A title of 1 to 200 characters is needed.").contains("lowercase letters, digits");

        HttpResponse<String> taken = editor.submit("/editor/new", "/editor/new", Map.of("kind", "post", "title", "Apple day"));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("Another post has this address already.");
        assertThat(editor.get("/editor/999999/").statusCode()).isEqualTo(404);
    }

    @Test
    void anEditorChangesTheMenu() {
        Visitor editor = new Visitor("editor");

        HttpResponse<String> bad = editor.submit("/editor/menu", "/editor/menu", Map.of("menu", "Home | /\nbroken line"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Line 2 must read");

        assertThat(editor.submit("/editor/menu", "/editor/menu", Map.of("menu", "Home | /\nMarket | https://market.coop.example/\nAbout | /about/"))
                .statusCode()).isEqualTo(303);
        assertThat(blog.get("/").body()).contains("<a href=\"https://market.coop.example/\">Market</a>");
        assertThat(blog.internal("/internal/fragments/nav").body()).contains("Market");
    }

    /** A browser with a session of the given role (or none), its cookies and the CSRF token of the last form. */
    private static final class Visitor {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final StringBuilder cookies = new StringBuilder();

        Visitor(String role) {
            if (role != null) {
                SessionStore sessions = new SessionStore(redis, "blog", Duration.ofMinutes(30), Duration.ofHours(1));
                String id = sessions.create(Map.of("sub", "42", "name", "Ed Itor", "email", "ed@example.org",
                        "roles", role, "sid", "s-" + System.nanoTime())).orElseThrow().id();
                cookies.append(OidcLogin.SESSION_COOKIE).append('=').append(id);
            }
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
            HttpResponse<String> page = get(formPage);
            Matcher token = CSRF.matcher(page.body());
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", token.find() ? token.group(1) : "");
            String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(action)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.toString());
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                response.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith(CsrfProtection.COOKIE + "="))
                        .forEach(c -> cookies.append(cookies.isEmpty() ? "" : "; ").append(c, 0, c.indexOf(';')));
                return response;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static URI uri(String path) {
            return URI.create("http://127.0.0.1:" + blog.service.publicPort() + path);
        }
    }
}
