package com.roseash.blog.posts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.roseash.blog.testing.RunningBlog;
import com.roseash.contract.ServiceName;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.testing.TestRedis;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A dead dependency degrades the page, never the data or the response. */
class BlogDegradationTest {

    private static final Duration FRAGMENT_TIMEOUT = Duration.ofMillis(300);
    private static final Duration SLOW_SERVICE_HOLD = Duration.ofSeconds(30);
    /** What a page may take beyond the fragment's timeout: rendering, Redis, a busy machine. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    @Test
    void pagesStillRenderWhileRedisIsStopped() {
        try (TestRedis redis = TestRedis.startNew(); RunningBlog blog = new RunningBlog(redis.url(), Map.of())) {
            assertThat(blog.get("/").statusCode()).isEqualTo(200);

            redis.stop();

            for (String path : new String[] {"/", "/?page=2", "/posts/apple-day/", "/tag/garden/", "/about/"}) {
                HttpResponse<String> page = blog.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.body()).as(path).contains("<main id=\"content\">");
            }
            assertThat(blog.admin("/observe/health/ready").body()).contains("\"redis\":\"unreachable");
            redis.start();
        }
    }

    @Test
    void aFragmentFromAnotherServiceAppearsAndItsOutageLeavesAPlaceholder() throws IOException {
        HttpServer cart = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean slow = new AtomicBoolean(false);
        AtomicBoolean askedWhileSlow = new AtomicBoolean(false);
        AtomicBoolean answeredLate = new AtomicBoolean(false);
        cart.createContext("/internal/fragments/cart-mini", exchange -> {
            if (slow.get()) {
                askedWhileSlow.set(true);
                try {
                    // Held far longer than the timeout: a page that waits for it fails clearly.
                    release.await(SLOW_SERVICE_HOLD.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answeredLate.set(true);
            }
            byte[] body = "<a class=\"cart-mini\" href=\"/cart/\">2 items</a>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        cart.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        cart.start();
        Map<String, String> config = Map.of(
                PlatformSettings.internalUrl(ServiceName.CART).key(), "http://127.0.0.1:" + cart.getAddress().getPort(),
                PlatformSettings.FRAGMENT_TTL.key(), "PT0.001S",
                PlatformSettings.FRAGMENT_TIMEOUT.key(), FRAGMENT_TIMEOUT.toString());
        try (TestRedis redis = TestRedis.startNew(); RunningBlog blog = new RunningBlog(redis.url(), config)) {
            assertThat(blog.get("/about/").body()).contains("<a class=\"cart-mini\" href=\"/cart/\">2 items</a>");

            slow.set(true);
            long start = System.nanoTime();
            HttpResponse<String> page = blog.get("/about/");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(askedWhileSlow).as("the page asked the slow service").isTrue();
            assertThat(took).as("the page waits no longer than the fragment's %d ms timeout (cart holds its answer %d s)",
                    FRAGMENT_TIMEOUT.toMillis(), SLOW_SERVICE_HOLD.toSeconds()).isLessThan(FRAGMENT_TIMEOUT.plus(MARGIN));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>About</h1>")
                    .contains("data-fragment=\"cart-mini\"").doesNotContain("2 items");
            assertThat(answeredLate).as("the page did not wait for the slow service").isFalse();

            release.countDown();
            cart.stop(0);
            HttpResponse<String> down = blog.get("/contact/");
            assertThat(down.statusCode()).isEqualTo(200);
            assertThat(down.body()).contains("<h1>Contact</h1>").contains("data-fragment=\"cart-mini\"");
            assertThat(blog.admin("/observe/metrics").body()).contains("rose_ash_fragments_unavailable");
        } finally {
            release.countDown();
            cart.stop(0);
        }
    }
}
