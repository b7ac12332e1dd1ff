package com.roseash.blog.ghost;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.blog.posts.EntryRepository;
import com.roseash.blog.posts.Kind;
import com.roseash.blog.testing.BlogDatabase;
import com.roseash.platform.db.Database;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A local server plays a Ghost site's Content API as Ghost documents it: {@code ?key=} authentication,
 * {@code limit}/{@code page} with {@code meta.pagination}, {@code include=tags,authors}, and
 * {@code {"errors":[...]}} bodies on failure. The client under test is the production one.
 */
class GhostContentApiClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "22444f78447824223cefc48062";

    private HttpServer ghost;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Ghost fails on the second page of posts, after the tags and the first page were served. */
    private volatile boolean secondPageOfPostsFails;
    /** A post (by number) Ghost serves without its publication date, which the blog's database refuses; 0 for none. */
    private volatile int undatedPost;
    private Database database;

    @BeforeEach
    void start() throws IOException {
        ghost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ghost.createContext("/ghost/api/content/", this::contentApi);
        ghost.start();
        database = Database.connect(BlogDatabase.migrated());
    }

    @AfterEach
    void stop() {
        ghost.stop(0);
        database.close();
    }

    @Test
    void syncReadsEveryPageOfPostsAndPagesAndImportsThem() {
        GhostContent content = client(KEY).fetchAll();
        ImportSummary summary = new GhostImporter(database.client()).importContent(content);

        assertThat(requests).anySatisfy(r -> assertThat(r).contains("/posts/").contains("page=2"));
        assertThat(summary.entries().created()).isEqualTo(7 + 1);
        EntryRepository entries = new EntryRepository(database.client());
        assertThat(entries.publishedPosts(1, 100).total()).isEqualTo(7);
        assertThat(entries.published(Kind.POST, "post-7")).get().satisfies(post -> {
            assertThat(post.authorName()).isEqualTo("Maren Holt");
            assertThat(post.tags()).extracting(t -> t.slug()).containsExactly("garden");
            assertThat(post.html()).isEqualTo("<p>Body of post 7</p>");
        });
        assertThat(entries.published(Kind.PAGE, "about")).isPresent();

        ImportSummary again = new GhostImporter(database.client()).importContent(client(KEY).fetchAll());
        assertThat(again.changedAnything()).as("a second sync changes nothing").isFalse();
    }

    @Test
    void aWrongKeyIsReportedWithGhostsMessage() {
        assertThatThrownBy(() -> client("wrong").fetchAll())
                .isInstanceOf(GhostImportException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Unknown Content API Key");
    }

    @Test
    void aServerErrorOnALaterPageImportsNothing() {
        secondPageOfPostsFails = true;

        Throwable failure = catchThrowable(() -> new GhostImporter(database.client()).importContent(client(KEY).fetchAll()));

        assertThat(requests).as("the sync was half-way: tags and the first page of posts were read")
                .anySatisfy(r -> assertThat(r).contains("/tags/"))
                .anySatisfy(r -> assertThat(r).contains("/posts/").contains("page=1"))
                .anySatisfy(r -> assertThat(r).contains("/posts/").contains("page=2"));
        assertThat(BlogDatabase.count(database, "SELECT count(*) FROM blog.entries"))
                .as("no post read before the failure is imported").isZero();
        assertThat(BlogDatabase.count(database, "SELECT count(*) FROM blog.tags")).as("no tag either").isZero();
        assertThat(failure).isInstanceOf(GhostImportException.class)
                .hasMessageContaining("HTTP 500 for posts")
                .hasMessageContaining("nothing was imported");
    }

    @Test
    void aPostTheDatabaseRefusesOnALaterPageImportsNothing() {
        // Every page reads well; post 6, on the second page, is published without a date, which the database
        // refuses once the import has written the author, the tags and posts 1 to 5.
        undatedPost = 6;
        GhostContent content = client(KEY).fetchAll();
        assertThat(content.entries()).extracting(GhostContent.Entry::slug).startsWith("post-1", "post-2", "post-3",
                "post-4", "post-5", "post-6");

        Throwable failure = catchThrowable(() -> new GhostImporter(database.client()).importContent(content));

        assertThat(BlogDatabase.count(database, "SELECT count(*) FROM blog.entries"))
                .as("posts 1 to 5, written before post 6 was refused, are rolled back").isZero();
        assertThat(BlogDatabase.count(database, "SELECT count(*) FROM blog.entry_tags")).isZero();
        assertThat(BlogDatabase.count(database, "SELECT count(*) FROM blog.tags")).isZero();
        assertThat(BlogDatabase.count(database, "SELECT count(*) FROM blog.authors")).isZero();
        assertThat(failure).isInstanceOf(GhostImportException.class)
                .hasMessageContaining("nothing was imported")
                .hasMessageContaining("entries_check");
    }

    private GhostContentApiClient client(String key) {
        return new GhostContentApiClient(URI.create("http://127.0.0.1:" + ghost.getAddress().getPort() + "/"), key);
    }

    private void contentApi(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(uri.toString());
        Map<String, String> query = query(uri.getRawQuery());
        if (!KEY.equals(query.get("key"))) {
            send(exchange, 401, Map.of("errors", List.of(Map.of("message", "Unknown Content API Key", "type",
                    "UnauthorizedError"))));
            return;
        }
        String path = uri.getPath();
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "15"));
        if (path.endsWith("/tags/")) {
            send(exchange, 200, Map.of("tags", List.of(tag("garden"), tag("market")), "meta", pagination(1, 1, 2, limit)));
        } else if (path.endsWith("/pages/")) {
            send(exchange, 200, Map.of("pages", List.of(item("page", "about", "About", 0)), "meta", pagination(1, 1, 1, limit)));
        } else if (path.endsWith("/posts/")) {
            if (page == 2 && secondPageOfPostsFails) {
                send(exchange, 500, Map.of("errors", List.of(Map.of("message", "Internal server error", "type",
                        "InternalServerError"))));
                return;
            }
            // Seven posts served four at a time whatever limit was asked for, as a small Ghost page size would.
            int perPage = 4;
            List<Object> posts = new ArrayList<>();
            for (int i = (page - 1) * perPage + 1; i <= Math.min(7, page * perPage); i++) {
                Map<String, Object> post = new HashMap<>(item("post", "post-" + i, "Post " + i, i));
                if (i == undatedPost) {
                    post.put("published_at", null);
                }
                posts.add(post);
            }
            send(exchange, 200, Map.of("posts", posts, "meta", pagination(page, 2, 7, perPage)));
        } else {
            send(exchange, 404, Map.of("errors", List.of(Map.of("message", "Resource not found", "type", "NotFoundError"))));
        }
    }

    private static Map<String, Object> item(String type, String slug, String title, int day) {
        return Map.of("id", type + "-" + slug, "uuid", "uuid-" + slug, "title", title, "slug", slug,
                "html", "<p>Body of " + title.toLowerCase() + "</p>",
                "published_at", "2026-10-%02dT10:00:00.000+00:00".formatted(day + 1),
                "created_at", "2026-10-01T10:00:00.000+00:00", "updated_at", "2026-10-%02dT10:00:00.000+00:00".formatted(day + 1),
                "tags", List.of(tag(day % 2 == 1 ? "garden" : "market")),
                "authors", List.of(Map.of("id", "author-1", "name", "Maren Holt", "slug", "maren")));
    }

    private static Map<String, Object> tag(String slug) {
        return Map.of("id", "tag-" + slug, "name", slug.substring(0, 1).toUpperCase() + slug.substring(1), "slug", slug,
                "description", "About " + slug);
    }

    private static Map<String, Object> pagination(int page, int pages, int total, int limit) {
        Map<String, Object> pagination = new HashMap<>();
        pagination.put("page", page);
        pagination.put("limit", limit);
        pagination.put("pages", pages);
        pagination.put("total", total);
        pagination.put("next", page < pages ? page + 1 : null);
        pagination.put("prev", page > 1 ? page - 1 : null);
        return Map.of("pagination", pagination);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : (raw == null ? "" : raw).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
