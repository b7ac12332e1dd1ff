package com.roseash.blog;

import java.util.Map;

import com.roseash.blog.testing.RunningBlog;
import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog's one full-stack test: started as the stack and the image start it, on its three sockets, each
 * serving only its own part of the runtime contract. Page behaviour is tested through the routing
 * ({@code BlogPagesTest}, {@code EditorTest}).
 */
class BlogServiceTest {

    private static RunningBlog blog;

    @BeforeAll
    static void start() {
        blog = new RunningBlog(TestRedis.shared().url(), Map.of());
    }

    @AfterAll
    static void stop() {
        blog.close();
    }

    @Test
    void pagesOnThePublicSocketFragmentsOnTheInternalHealthOnTheAdmin() {
        assertThat(blog.get("/about/").statusCode()).isEqualTo(200);
        assertThat(blog.get("/internal/fragments/nav").statusCode()).as("no fragments on the public socket").isEqualTo(404);

        assertThat(blog.internal("/internal/fragments/nav").body()).contains(">Home</a>");
        assertThat(blog.internal("/about/").statusCode()).as("no pages on the internal socket").isEqualTo(404);

        assertThat(blog.admin("/observe/health/live").statusCode()).isEqualTo(200);
        assertThat(blog.admin("/observe/metrics").body()).contains("# TYPE");
        assertThat(blog.get("/observe/health/ready").statusCode()).as("no health on the public socket").isEqualTo(404);
    }

    @Test
    void readinessReportsTheSchemaAndRedis() {
        String ready = blog.admin("/observe/health/ready").body();

        assertThat(ready).contains("\"schema\":\"blog\"").contains("\"redis\":\"up\"");
    }
}
