package com.roseash.blog.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.roseash.blog.testing.RunningBlog;
import com.roseash.platform.testing.TestRedis;
import io.helidon.webserver.WebServer;

/**
 * Load on loopback, reported as ratios measured in the same run (docs/benchmarks.md): a blog page served
 * from the page cache against Helidon's plain "hello", and a boosted navigation against a full page
 * load. Every loop is bounded by a request count. Not a test: run it with
 * {@code ./mvnw -pl services/blog -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.roseash.blog.bench.PageLoadBenchmark}.
 */
public final class PageLoadBenchmark {

    private static final int CONCURRENCY = 8;
    private static final int REQUESTS = Integer.getInteger("bench.requests", 4000);

    record Result(String name, double requestsPerSecond, double meanMillis, double bytesPerResponse) {
    }

    public static void main(String[] args) throws Exception {
        WebServer hello = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.get("/hello", (req, res) -> res.send("Hello World!"))).build().start();
        try (RunningBlog blog = new RunningBlog(TestRedis.shared().url(), Map.of())) {
            String blogBase = "http://127.0.0.1:" + blog.service.publicPort();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<Result> results = new ArrayList<>();
            // Warm the JIT and the page cache first; only the second pass is reported.
            for (int pass = 0; pass < 2; pass++) {
                results.clear();
                results.add(load(http, "helidon hello", "http://127.0.0.1:" + hello.port() + "/hello"));
                results.add(load(http, "home, full page (cached)", blogBase + "/"));
                results.add(load(http, "home, boosted (cached)", blogBase + "/", "HX-Request", "true", "HX-Boosted", "true"));
                results.add(load(http, "post, full page (cached)", blogBase + "/posts/winter-market-opens/"));
                results.add(load(http, "post, boosted (cached)", blogBase + "/posts/winter-market-opens/",
                        "HX-Request", "true", "HX-Boosted", "true"));
            }
            System.out.printf("%n%-28s %12s %10s %10s%n", "scenario", "requests/s", "mean ms", "bytes");
            for (Result r : results) {
                System.out.printf("%-28s %12.0f %10.2f %10.0f%n", r.name(), r.requestsPerSecond(), r.meanMillis(),
                        r.bytesPerResponse());
            }
            Result hello1 = results.get(0);
            Result homeFull = results.get(1);
            Result homeBoosted = results.get(2);
            Result postFull = results.get(3);
            Result postBoosted = results.get(4);
            System.out.printf("%ncached full page vs hello, throughput: %.2f%n",
                    homeFull.requestsPerSecond() / hello1.requestsPerSecond());
            System.out.printf("boosted vs full, home: bytes %.2f, time %.2f%n",
                    homeBoosted.bytesPerResponse() / homeFull.bytesPerResponse(),
                            homeBoosted.meanMillis() / homeFull.meanMillis());
            System.out.printf("boosted vs full, post: bytes %.2f, time %.2f%n",
                    postBoosted.bytesPerResponse() / postFull.bytesPerResponse(),
                            postBoosted.meanMillis() / postFull.meanMillis());
        } finally {
            hello.stop();
        }
        System.exit(0);
    }

    private static Result load(HttpClient http, String name, String url, String... headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        HttpRequest request = builder.build();
        AtomicLong bytes = new AtomicLong();
        AtomicLong nanos = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONCURRENCY; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS / CONCURRENCY; i++) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        nanos.addAndGet(System.nanoTime() - t0);
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(name + ": HTTP " + response.statusCode());
                        }
                        bytes.addAndGet(response.body().length);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int done = (REQUESTS / CONCURRENCY) * CONCURRENCY;
        return new Result(name, done / seconds, nanos.get() / 1e6 / done, (double) bytes.get() / done);
    }
}
