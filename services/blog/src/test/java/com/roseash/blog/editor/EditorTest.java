package com.roseash.blog.editor;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.roseash.blog.testing.RoutedBlog;
import com.roseash.contract.ServiceName;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.db.Database;
import com.roseash.platform.testing.RoutedClient;
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

    private static RoutedBlog blog;
    private static RedisCache redis;
    private static Database database;

    @BeforeAll
    static void start() {
        blog = new RoutedBlog(TestRedis.shared().url());
        redis = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)));
        database = Database.connect(blog.database);
    }

    @AfterAll
    static void stop() {
        database.close();
        redis.close();
        blog.close();
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndMembersAreForbidden() {
        HttpResponse<String> anonymous = visitor(null).get("/editor/");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).contains("/auth/login?return=%2Feditor%2F");

        HttpResponse<String> member = visitor("member").get("/editor/");
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(member.body()).contains("This page is for editors only.");
    }

    @Test
    void aMembersPostWithAValidTokenIsRefusedForTheRoleAndWritesNothing() {
        RoutedClient member = visitor("member");
        long appleDay = count("SELECT id FROM blog.entries WHERE kind = 'post' AND slug = 'apple-day'");
        long entries = count("SELECT count(*) FROM blog.entries");

        // Without a token the CSRF check refuses it, also with 403: the body tells the two refusals apart.
        HttpResponse<String> tokenless = member.post("/editor/new",
                Map.of("kind", "post", "title", "Sneaky", "action", "publish"), "Accept", "text/html");
        assertThat(tokenless.statusCode()).isEqualTo(403);
        assertThat(tokenless.body()).contains("did not come from this site").doesNotContain("for editors only");

        // With the token a browser holds (from the sign-out form every signed-in page carries): past the CSRF
        // check, refused for the role.
        HttpResponse<String> create = member.submit("/about/", "/editor/new",
                Map.of("kind", "post", "title", "Sneaky", "action", "publish"));
        assertThat(create.statusCode()).as("a member creating a post").isEqualTo(403);
        assertThat(create.body()).contains("This page is for editors only.").doesNotContain("did not come from this site");
        HttpResponse<String> unpublish = member.submit("/about/", "/editor/" + appleDay + "/", Map.of("action", "unpublish"));
        assertThat(unpublish.statusCode()).as("a member unpublishing a post").isEqualTo(403);
        assertThat(unpublish.body()).contains("This page is for editors only.");

        assertThat(count("SELECT count(*) FROM blog.entries WHERE title = 'Sneaky'")).as("no post created").isZero();
        assertThat(count("SELECT count(*) FROM blog.entries")).isEqualTo(entries);
        assertThat(count("SELECT count(*) FROM blog.entries WHERE id = ? AND status = 'published'", appleDay))
                .as("apple-day still published").isEqualTo(1);
    }

    @Test
    void anEditorPublishesAPostAndItAppearsOnTheHomePage() {
        RoutedClient editor = visitor("editor");
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
        RoutedClient editor = visitor("editor");
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
        RoutedClient editor = visitor("editor");

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
        RoutedClient editor = visitor("editor");

        HttpResponse<String> bad = editor.submit("/editor/menu", "/editor/menu", Map.of("menu", "Home | /\nbroken line"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Line 2 must read");

        assertThat(editor.submit("/editor/menu", "/editor/menu", Map.of("menu", "Home | /\nMarket | https://market.coop.example/\nAbout | /about/"))
                .statusCode()).isEqualTo(303);
        assertThat(blog.get("/").body()).contains("<a href=\"https://market.coop.example/\">Market</a>");
        assertThat(blog.internal("/internal/fragments/nav").body()).contains("Market");
    }

    /** The first column of the first row {@code sql} finds in the blog's database. */
    private static long count(String sql, Object... parameters) {
        return database.client().execute().get(sql, parameters).map(row -> row.column(1).getLong()).orElseThrow();
    }

    /** A browser with a session of the given role (or none), as the sign-in callback leaves it in Redis. */
    private static RoutedClient visitor(String role) {
        return role == null ? blog.visitor() : blog.visitor().signedIn(redis, ServiceName.BLOG,
                Map.of("sub", "42", "name", "Ed Itor", "email", "ed@example.org", "roles", role));
    }
}
