package com.roseash.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.roseash.contract.ServiceName;
import com.roseash.contract.Sockets;
import com.roseash.platform.cache.PageCache;
import com.roseash.platform.cache.RedisCache;
import com.roseash.platform.cache.RedisSettings;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.errors.ErrorResponses;
import com.roseash.platform.fragments.FragmentRoutes;
import com.roseash.platform.server.ServiceServer;
import io.helidon.http.BadRequestException;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** A small service built the way every real service is, for the platform's web tests. */
final class TestSite implements AutoCloseable {

    final WebServer server;
    final RedisCache cache;
    final PageRenderer renderer;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int renders;

    TestSite(String redisUrl) {
        this(redisUrl, Map.of(), server -> { });
    }

    /** @param settings configuration on top of loopback ports; {@code more} adds groups and features */
    TestSite(String redisUrl, Map<String, String> settings, Consumer<ServiceServer.Builder> more) {
        Map<String, String> overrides = new HashMap<>(Map.of(PlatformSettings.SERVER_HOST.key(), "127.0.0.1",
                PlatformSettings.PUBLIC_PORT.key(), "0", PlatformSettings.INTERNAL_PORT.key(), "0",
                PlatformSettings.ADMIN_PORT.key(), "0"));
        overrides.putAll(settings);
        RoseAshConfig config = RoseAshConfig.load(PlatformSettings.all(), overrides);
        cache = new RedisCache(new RedisSettings(redisUrl, Duration.ofMillis(250)));
        renderer = new PageRenderer(new Templates(), Site.from(config, ServiceName.BLOG),
                request -> Map.of("navHtml", "<a href=\"/\">Home</a><a href=\"/about\">About</a>"),
                Optional.of(new PageCache(cache, "test-" + System.nanoTime(), Duration.ofMinutes(1))));
        ServiceServer.Builder builder = ServiceServer.builder(config, renderer)
                .healthCheck(cache.readinessCheck())
                .route("/", new TestPages())
                .internalRoute(Sockets.FRAGMENTS_PATH, new FragmentRoutes().add("greeting", () -> "<p>hi</p>"));
        more.accept(builder);
        server = builder.build().start();
    }

    /** The test site's own pages. */
    private final class TestPages implements HttpService {
        @Override
        public void routing(HttpRules rules) {
            rules.get("/", (req, res) -> renderer.renderShared(req, res, () -> {
                        renders++;
                        return new Page("Home", "test-page", Map.of("heading", "Welcome", "body", "<b>not bold</b>"));
                    }))
                    .get("/boom", (req, res) -> {
                        throw new IllegalStateException("secret internal detail");
                    })
                    .post("/form", (req, res) -> res.send("Hello " + FormData.of(req).first("name").orElse("?")))
                    .post("/api/echo", (req, res) -> res.send("echo"))
                    .get("/bad", (req, res) -> {
                        throw ErrorResponses.badRequest("page must be a whole number");
                    })
                    .get("/bad-from-helidon", (req, res) -> {
                        throw new BadRequestException("size must be a whole number");
                    });
        }
    }

    URI publicUri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    URI internalUri(String path) {
        return URI.create("http://127.0.0.1:" + server.port(Sockets.INTERNAL) + path);
    }

    URI adminUri(String path) {
        return URI.create("http://127.0.0.1:" + server.port(Sockets.ADMIN) + path);
    }

    HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isOk(HttpResponse<?> response) {
        return response.statusCode() == Status.OK_200.code();
    }

    @Override
    public void close() {
        server.stop();
        cache.close();
    }
}
