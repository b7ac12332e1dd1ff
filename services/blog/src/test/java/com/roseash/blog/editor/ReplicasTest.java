package com.roseash.blog.editor;

import java.time.Duration;
import java.util.Map;

import com.roseash.blog.testing.BlogDatabase;
import com.roseash.blog.testing.RoutedBlog;
import com.roseash.contract.ServiceName;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.testing.RoutedClient;
import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the blog over one database and one Redis, each keeping pages and the menu in its own
 * process: what an editor changes on one, readers of the other see at once, not when a copy expires.
 */
class ReplicasTest {

    @Test
    void whatAnEditorChangesOnOneReplicaTheOtherServesAtOnce() {
        DatabaseSettings database = BlogDatabase.migrated();
        try (RoutedBlog one = new RoutedBlog(TestRedis.shared().url(), database);
             RoutedBlog two = new RoutedBlog(TestRedis.shared().url(), database);
             RedisCache redis = new RedisCache(new RedisSettings(TestRedis.shared().url(), Duration.ofSeconds(1)))) {
            assertThat(two.get("/", "Accept", "text/html").body()).doesNotContain("Replicas agree");
            assertThat(two.internal("/internal/fragments/nav").body()).doesNotContain("Replicas");
            RoutedClient editor = one.visitor().signedIn(redis, ServiceName.BLOG,
                    Map.of("sub", "42", "name", "Ed Itor", "email", "ed@example.org", "roles", "editor"));

            assertThat(editor.submit("/editor/new", "/editor/new", Map.of("kind", "post", "title", "Replicas agree",
                    "markdown", "Both of them.", "action", "publish")).statusCode()).isEqualTo(303);
            assertThat(editor.submit("/editor/menu", "/editor/menu", Map.of("menu", "Home | /\nReplicas | /replicas/"))
                    .statusCode()).isEqualTo(303);

            // Well within the copies' time to live (30 s): only the announcement explains a fresh page.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(two.get("/", "Accept", "text/html").body()).contains("Replicas agree")
                        .contains("<a href=\"/replicas/\">Replicas</a>");
                assertThat(two.internal("/internal/fragments/nav").body()).contains("Replicas");
            });
        }
    }
}
