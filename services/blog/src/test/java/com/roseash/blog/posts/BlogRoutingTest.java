package com.roseash.blog.posts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.blog.BlogService;
import com.roseash.blog.testing.BlogDatabase;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.server.ServiceParts;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.testing.TestServices;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog's pages through its routing, without opening a socket: {@link BlogService#parts} builds what
 * {@code start} would serve, and Helidon's {@link DirectClient} routes requests straight into it.
 */
class BlogRoutingTest {

    private static ServiceParts blog;
    private static DirectClient client;

    @BeforeAll
    static void route() {
        DatabaseSettings database = BlogDatabase.migrated();
        BlogService.loadDemoContentIfEmpty(database);
        blog = BlogService.parts(TestServices.overrides(database, TestRedis.shared().url()));
        HttpRouting.Builder routing = HttpRouting.builder();
        blog.server().setUpPublic(routing);
        client = new DirectClient(routing);
    }

    @AfterAll
    static void close() {
        client.close();
        blog.close();
    }

    @Test
    void aPageIsServedInTheLayoutWithTheStandardFeatures() {
        ClientResponseTyped<String> about = client.get("/about/").header(HeaderNames.ACCEPT, "text/html").request(String.class);

        assertThat(about.status()).isEqualTo(Status.OK_200);
        assertThat(about.entity()).contains("<h1>About</h1>").contains("<header");
        assertThat(about.headers().first(HeaderNames.create("Content-Security-Policy"))).isPresent();
    }

    @Test
    void anUnknownPageIsProblemJsonForAnApiClient() throws Exception {
        ClientResponseTyped<String> missing = client.get("/no-such-page/").header(HeaderNames.ACCEPT, "application/json")
                .request(String.class);

        assertThat(missing.status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(missing.headers().contentType().map(type -> type.mediaType().text())).contains("application/problem+json");
        assertThat(new ObjectMapper().readTree(missing.entity()).path("detail").asText())
                .isEqualTo("There is no page called no-such-page.");
    }
}
